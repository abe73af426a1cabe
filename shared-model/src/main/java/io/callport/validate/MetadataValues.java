package io.callport.validate;

import io.callport.mapping.ContactDateFormat;
import io.callport.mapping.MetadataColumn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Whether a metadata value fits its column's type. */
final class MetadataValues {
    static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "y", "n", "1", "0");

    private MetadataValues() {
    }

    /** Why the value does not fit the column, as a sentence; null when it fits. */
    static String problem(MetadataColumn column, String value, ContactDateFormat dateFormat) {
        String text = value.strip();
        boolean fits = switch (column.type()) {
            case STRING -> true;
            case INTEGER -> isInteger(text);
            case DECIMAL -> isDecimal(text);
            case BOOLEAN -> BOOLEAN_WORDS.contains(text.toLowerCase(Locale.ROOT));
            case DATE -> isDate(text, dateFormat);
            case ENUM -> column.values().containsKey(text);
        };
        if (fits) {
            return null;
        }
        return switch (column.type()) {
            case INTEGER -> "'" + value + "' in " + column.name() + " is not a whole number.";
            case DECIMAL -> "'" + value + "' in " + column.name() + " is not a number (use a point for decimals).";
            case BOOLEAN -> "'" + value + "' in " + column.name() + " is not yes/no (true, false, yes, no, 1, 0).";
            case DATE -> "'" + value + "' in " + column.name() + " is not a date.";
            case ENUM -> "'" + value + "' is not one of the allowed values of " + column.name() + ": "
                    + String.join(", ", column.values().keySet().stream().sorted().toList()) + ".";
            case STRING -> throw new IllegalStateException("a string always fits");
        };
    }

    private static boolean isInteger(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (start == text.length() || text.length() - start > 18) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimal(String text) {
        int point = text.indexOf('.');
        if (point < 0) {
            return isInteger(text);
        }
        String whole = text.substring(0, point);
        String fraction = text.substring(point + 1);
        boolean wholeOk = whole.isEmpty() || whole.equals("-") || whole.equals("+") || isInteger(whole);
        return wholeOk && !fraction.isEmpty() && fraction.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isDate(String text, ContactDateFormat dateFormat) {
        if (dateFormat.parse(text) != null) {
            return true;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
