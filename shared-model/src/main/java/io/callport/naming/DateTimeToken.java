package io.callport.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern token made of date-time letters and punctuation, such as {@code yyyyMMdd-HHmmss} or {@code MM}.
 * Every letter run is a fixed-width number and every other character must appear as written, so a part fits
 * only when it is exactly as long as the token: {@code 20171012-140253} fits, {@code 2017101-140253} does not.
 */
final class DateTimeToken {
    private static final String UNIT_LETTERS = "yMdHms";
    /** Not a unit, but classified as date-time so {@code hh} gets a helpful error instead of becoming a field name. */
    private static final char TWELVE_HOUR_LETTER = 'h';
    private static final int CENTURY_OF_TWO_DIGIT_YEARS = 2000;

    private record Number(DateTimeUnit unit, int start, int width) {
    }

    private final String text;
    private final List<Number> numbers;
    private final boolean[] digitAt;

    private DateTimeToken(String text, List<Number> numbers) {
        this.text = text;
        this.numbers = List.copyOf(numbers);
        this.digitAt = new boolean[text.length()];
        for (Number number : numbers) {
            for (int i = number.start; i < number.start + number.width; i++) {
                digitAt[i] = true;
            }
        }
    }

    /** True when the token is meant as date-time: letters only from the date-time letters, no digits. */
    static boolean isDateTime(String token) {
        boolean hasLetter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                if (UNIT_LETTERS.indexOf(c) < 0 && c != TWELVE_HOUR_LETTER) {
                    return false;
                }
                hasLetter = true;
            }
        }
        return hasLetter;
    }

    /** Compiles a token that {@link #isDateTime} accepted; throws when a letter run is not one of the units. */
    static DateTimeToken compile(String token) {
        List<Number> numbers = new ArrayList<>();
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int end = i;
            while (end < token.length() && token.charAt(end) == c) {
                end++;
            }
            numbers.add(new Number(unitOf(token.substring(i, end), token), i, end - i));
            i = end;
        }
        return new DateTimeToken(token, numbers);
    }

    private static DateTimeUnit unitOf(String run, String token) {
        return switch (run) {
            case "yyyy", "yy" -> DateTimeUnit.YEAR;
            case "MM" -> DateTimeUnit.MONTH;
            case "dd" -> DateTimeUnit.DAY;
            case "HH" -> DateTimeUnit.HOUR;
            case "mm" -> DateTimeUnit.MINUTE;
            case "ss" -> DateTimeUnit.SECOND;
            case "hh" -> throw new IllegalArgumentException(("The date-time token '%s' uses 'hh'; write 'HH' for the"
                    + " hour 00–23 (a 12-hour clock without AM/PM cannot give a time).").formatted(token));
            default -> throw new IllegalArgumentException(("The date-time token '%s' has '%s', which is not one of"
                    + " yyyy, yy, MM, dd, HH, mm, ss (MM is the month, mm the minute).").formatted(token, run));
        };
    }

    String text() {
        return text;
    }

    List<DateTimeUnit> units() {
        return numbers.stream().map(Number::unit).toList();
    }

    /** The characters of the token that a name must repeat as written, e.g. {@code -} in {@code yyyyMMdd-HHmmss}. */
    String literals() {
        StringBuilder literals = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!digitAt[i]) {
                literals.append(text.charAt(i));
            }
        }
        return literals.toString();
    }

    /**
     * Reads a name's part into {@code values} (indexed by {@link DateTimeUnit#ordinal()}).
     *
     * @return null when the part fits, else the end of a sentence saying why not ("the month 13 is not ...")
     */
    String read(String part, int[] values) {
        if (!hasShape(part)) {
            return "it needs digits where the convention has date-time letters and every other character as written.";
        }
        for (Number number : numbers) {
            int value = Integer.parseInt(part, number.start, number.start + number.width, 10);
            if (number.unit == DateTimeUnit.YEAR && number.width == 2) {
                value += CENTURY_OF_TWO_DIGIT_YEARS;
            }
            if (!number.unit.accepts(value)) {
                return "the %s %s is not %s.".formatted(number.unit.label(),
                        part.substring(number.start, number.start + number.width), number.unit.range());
            }
            values[number.unit.ordinal()] = value;
        }
        return null;
    }

    private boolean hasShape(String part) {
        if (part.length() != text.length()) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean fits = digitAt[i] ? c >= '0' && c <= '9' : c == text.charAt(i);
            if (!fits) {
                return false;
            }
        }
        return true;
    }
}
