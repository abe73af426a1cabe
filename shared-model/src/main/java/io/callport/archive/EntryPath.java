package io.callport.archive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a zip entry's name means once read as a path, the way an unpacking tool on any operating system would read
 * it: backslashes separate folders too, and {@code .} and {@code ..} are resolved.
 *
 * @param kind what the name is
 * @param path the normalised '/'-separated path of a {@link Kind#RELATIVE} name; null otherwise
 */
record EntryPath(Kind kind, String path) {

    enum Kind {
        /** Ends with a separator: a folder, which holds no content. */
        DIRECTORY,
        /** Stays inside the folder the zip unpacks into. */
        RELATIVE,
        /** Starts at a root, a drive or a network share. */
        ABSOLUTE,
        /** Climbs out of the folder the zip unpacks into, or resolves to that folder itself. */
        ESCAPING
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    /** Files that Finder and Explorer add on their own; nobody means to send them. */
    private static final Set<String> OS_JUNK_FILES = Set.of(".ds_store", "thumbs.db");
    private static final String MAC_RESOURCE_FOLDER = "__MACOSX";

    static EntryPath of(String rawName) {
        String name = rawName.replace('\\', '/');
        if (name.endsWith("/")) {
            return new EntryPath(Kind.DIRECTORY, null);
        }
        if (name.startsWith("/") || DRIVE.matcher(name).lookingAt()) {
            return new EntryPath(Kind.ABSOLUTE, null);
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                if (segments.pollLast() == null) {
                    return new EntryPath(Kind.ESCAPING, null);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty()
                ? new EntryPath(Kind.ESCAPING, null)
                : new EntryPath(Kind.RELATIVE, String.join("/", segments));
    }

    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A macOS resource fork or a Finder/Explorer thumbnail file: skipped without an issue. */
    boolean isOsJunk() {
        return path.startsWith(MAC_RESOURCE_FOLDER + "/") || OS_JUNK_FILES.contains(fileName().toLowerCase(Locale.ROOT));
    }
}
