package io.callport.server.storage;

import java.nio.charset.StandardCharsets;

/**
 * The rules for blob keys, the same for every store so a key that works on disk works on S3 and back: {@code /}
 * between non-empty segments, no segment starting with a dot (so no {@code .} or {@code ..}, and the local store's
 * temporary folder stays out of reach), no leading or trailing {@code /}, no control characters and none of
 * {@code \ : * ? " < > |} (which Windows file names cannot hold), at most {@value #MAX_BYTES} bytes of UTF-8.
 */
public final class BlobKeys {
    /** S3's own limit on key length. */
    public static final int MAX_BYTES = 1024;
    private static final String FORBIDDEN = "\\:*?\"<>|";

    private BlobKeys() {
    }

    /** Returns {@code key} when it follows the rules, otherwise throws saying which rule it breaks. */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("A blob key cannot be empty.");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("The blob key '" + key + "' is longer than " + MAX_BYTES + " bytes.");
        }
        requireAllowedCharacters(key, "blob key");
        if (key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("The blob key '" + key + "' must not start or end with '/'.");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("The blob key '" + key + "' has an empty part between two '/'.");
            }
            if (segment.startsWith(".")) {
                throw new IllegalArgumentException("The blob key '" + key + "' has a part starting with a dot ('"
                        + segment + "'); parts such as '..' could leave the store.");
            }
        }
        return key;
    }

    /** Returns {@code prefix} when it could begin a valid key (or is empty), otherwise throws. */
    public static String requireValidPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        requireValid(prefix.endsWith("/") ? prefix + "x" : prefix);
        return prefix;
    }

    private static void requireAllowedCharacters(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("The " + what + " '" + text.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a character not allowed in keys (" + describe(c) + ").");
            }
        }
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
    }
}
