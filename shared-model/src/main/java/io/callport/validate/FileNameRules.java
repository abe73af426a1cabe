package io.callport.validate;

import java.util.Optional;

/**
 * What a batch file's own name may not hold, so the Uploader refuses offline what the server refuses on upload:
 * control characters (they break logs, reports and terminals, and Windows forbids them), U+FFFD (the name's bytes
 * were not text in the system's encoding) and folder separators.
 */
public final class FileNameRules {

    private FileNameRules() {
    }

    /**
     * What is wrong with one name (a single path segment), as a phrase that follows the name in a sentence:
     * {@code has a control character (U+0007)}; empty when nothing is.
     */
    public static Optional<String> problem(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("has a control character (U+%04X)".formatted(c));
            }
            if (c == '\uFFFD') {
                return Optional.of("has bytes that are not text in the system's encoding");
            }
            if (c == '/' || c == '\\') {
                return Optional.of("has a '" + (char) c + "', which separates folders");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The first problem of any segment of a '/'-separated path, such as a zip entry's. */
    public static Optional<String> pathProblem(String path) {
        for (String segment : path.split("/", -1)) {
            Optional<String> problem = problem(segment);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The name with each control character written as a backslash, u and four hex digits, so a message shows it. */
    public static String printable(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append("\\u%04X".formatted(c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
