package io.callport.naming;

import java.util.Locale;

/** The parts of a file's name that Callport reads: the last path segment, its extension and what comes before it. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * The name without its folders: names arrive as local paths, SFTP paths or zip entries
     * ({@code archive.zip!/2026_02_11/x.mp3}), with either kind of slash.
     */
    public static String lastSegment(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** The name without its folders and without its extension: {@code x/20171012-140253_inbound_478.wav} gives {@code 20171012-140253_inbound_478}. */
    public static String baseName(String path) {
        String name = lastSegment(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The extension in lower case without its dot ({@code "wav"}), or an empty string when the name has none. */
    public static String extension(String path) {
        String name = lastSegment(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
