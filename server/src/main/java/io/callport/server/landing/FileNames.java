package io.callport.server.landing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The rules for names that uploaders choose: what is safe, and what marks a file as still being written. */
public final class FileNames {
    /** Suffixes clients give a file while they write it and rename it when done (WinSCP, rclone, FileZilla...). */
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".filepart", ".partial", ".part", ".tmp", ".temp");
    private static final int MAX_NAME_BYTES = 255;

    private FileNames() {
    }

    /** One path segment: no separators, no control characters, not {@code .} or {@code ..}, at most 255 bytes. */
    public static boolean isSingleSegment(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return false;
        }
        return name.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
    }

    /**
     * A name still being written: hidden ({@code .in.call.wav}, lftp's and others' habit), ending in {@code ~}, or
     * ending in one of the temporary suffixes. Such files never land by themselves; renaming them to a final name
     * lands them.
     */
    public static boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith(".") || lower.endsWith("~") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /**
     * The name an HTTP client sent, reduced to its last segment (browsers on Windows once sent whole paths) and
     * checked; hidden and temporary names are refused because they would never land.
     */
    public static String requireUploadName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        if (!isSingleSegment(name)) {
            throw new IllegalArgumentException("The file name \"" + sent + "\" cannot be used; send a plain file name"
                    + " such as call-0001.wav.");
        }
        if (isTemporary(name)) {
            throw new IllegalArgumentException("The file name \"" + name + "\" looks like a temporary file (hidden, or"
                    + " ending in .part, .tmp or ~); send the file under its final name.");
        }
        return name;
    }

    /** Checks a '/'-separated path inside a campaign folder, segment by segment. */
    public static String requireRelativePath(String relativePath) {
        for (String segment : relativePath.split("/", -1)) {
            if (!isSingleSegment(segment)) {
                throw new IllegalArgumentException("The path \"" + relativePath + "\" is not a path inside a folder.");
            }
        }
        return relativePath;
    }

    /** The last segment of a '/'-separated path. */
    public static String lastSegment(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The name without its last extension: {@code 20171012-140253_joe.wav} gives {@code 20171012-140253_joe}. */
    public static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
