package io.callport.csv;

import java.util.regex.Pattern;

/** What a sample value looks like, cheaply: enough to guess headers and metadata types, not to validate. */
final class ValueShapes {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d*\\.\\d+");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?");
    private static final Pattern FILE_EXTENSION = Pattern.compile(".+\\.[A-Za-z0-9]{2,4}");
    private static final java.util.Set<String> BOOLEANS = java.util.Set.of("true", "false", "yes", "no");

    private ValueShapes() {
    }

    static boolean isInteger(String text) {
        return INTEGER.matcher(text).matches();
    }

    static boolean isNumber(String text) {
        return isInteger(text) || DECIMAL.matcher(text).matches();
    }

    static boolean isBoolean(String text) {
        return BOOLEANS.contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    static boolean isDateLike(String text) {
        return DATE_LIKE.matcher(text).matches();
    }

    static boolean hasFileExtension(String text) {
        return !text.contains(" ") && FILE_EXTENSION.matcher(text).matches() && !isNumber(text);
    }
}
