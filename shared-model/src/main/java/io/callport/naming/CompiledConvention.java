package io.callport.naming;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A {@link FileNameConvention} checked and compiled once, then applied to every name of a batch: a slot per
 * pattern token, each either a field or a date-time token.
 */
final class CompiledConvention {
    /** A server serves a few conventions per campaign; the bound only stops edited patterns from piling up. */
    private static final int CACHE_LIMIT = 1_000;
    private static final Map<List<String>, CompiledConvention> CACHE = new ConcurrentHashMap<>();
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final int ABSENT = -1;

    private sealed interface Slot permits FieldSlot, DateSlot {
    }

    private record FieldSlot(String field) implements Slot {
    }

    private record DateSlot(DateTimeToken token) implements Slot {
    }

    private final String pattern;
    private final String separator;
    private final ZoneId zone;
    private final List<Slot> slots;
    /** Where the day is, to blame it for a date that does not exist (30 February); ABSENT without a date. */
    private final int daySlot;

    private CompiledConvention(String pattern, String separator, ZoneId zone, List<Slot> slots, int daySlot) {
        this.pattern = pattern;
        this.separator = separator;
        this.zone = zone;
        this.slots = List.copyOf(slots);
        this.daySlot = daySlot;
    }

    /** The compiled form of a convention, compiling it on first use; throws when the convention is invalid. */
    static CompiledConvention of(String pattern, String separator, String timeZone) {
        List<String> key = List.of(pattern, separator, timeZone);
        CompiledConvention cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(key, k -> compile(pattern, separator, timeZone));
    }

    private static CompiledConvention compile(String pattern, String separator, String timeZone) {
        checkSeparator(separator);
        ZoneId zone = zoneOf(timeZone);
        List<Slot> slots = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        Set<DateTimeUnit> units = EnumSet.noneOf(DateTimeUnit.class);
        int daySlot = ABSENT;
        List<String> tokens = split(pattern, separator);
        for (int position = 0; position < tokens.size(); position++) {
            String token = tokens.get(position);
            if (token.isEmpty()) {
                throw new IllegalArgumentException(("The pattern '%s' has an empty token at position %d: two"
                        + " separators '%s' in a row, or one at an end.").formatted(pattern, position + 1, separator));
            }
            if (DateTimeToken.isDateTime(token)) {
                DateTimeToken dateTime = DateTimeToken.compile(token);
                checkLiterals(dateTime, separator);
                for (DateTimeUnit unit : dateTime.units()) {
                    if (!units.add(unit)) {
                        throw new IllegalArgumentException("The pattern '%s' gives the %s twice."
                                .formatted(pattern, unit.label()));
                    }
                    if (unit == DateTimeUnit.DAY) {
                        daySlot = position;
                    }
                }
                slots.add(new DateSlot(dateTime));
            } else if (FIELD_NAME.matcher(token).matches()) {
                String field = NameFields.canonical(token);
                if (!fields.add(field)) {
                    throw new IllegalArgumentException("The pattern '%s' names the field %s twice."
                            .formatted(pattern, field));
                }
                slots.add(new FieldSlot(field));
            } else {
                throw new IllegalArgumentException(("The token '%s' of the pattern '%s' is neither a date-time part"
                        + " (yyyy, yy, MM, dd, HH, mm, ss with punctuation such as '-') nor a field name (a letter"
                        + " then letters or digits); is '%s' the right separator?").formatted(token, pattern, separator));
            }
        }
        checkDateComplete(pattern, units);
        return new CompiledConvention(pattern, separator, zone, slots, daySlot);
    }

    private static void checkSeparator(String separator) {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("The separator is empty; give the character between the parts of a"
                    + " name, such as '_'.");
        }
        if (separator.chars().anyMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException(("The separator '%s' has a letter or digit, which the parts of a"
                    + " name themselves contain; use punctuation such as '_' or '-'.").formatted(separator));
        }
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(("The time zone '%s' is unknown; use a region such as Europe/Paris,"
                    + " an offset such as +02:00, or UTC.").formatted(timeZone), e);
        }
    }

    /** A separator character inside a date-time part would make a name's split depend on guessing. */
    private static void checkLiterals(DateTimeToken token, String separator) {
        for (char c : token.literals().toCharArray()) {
            if (separator.indexOf(c) >= 0) {
                throw new IllegalArgumentException(("The date-time token '%s' contains '%s', which is part of the"
                        + " separator '%s'; a name could not be split without guessing.")
                        .formatted(token.text(), c, separator));
            }
        }
    }

    /** A contact date needs a day; a time may stop at the hour or minute but not skip one. */
    private static void checkDateComplete(String pattern, Set<DateTimeUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        for (DateTimeUnit unit : DateTimeUnit.values()) {
            boolean required = unit.compareTo(DateTimeUnit.DAY) <= 0;
            boolean smallerUnitPresent = units.stream().anyMatch(u -> u.compareTo(unit) > 0);
            if (!units.contains(unit) && (required || smallerUnitPresent)) {
                throw new IllegalArgumentException(("The pattern '%s' has date-time parts but no %s; a contact date"
                        + " needs the year (yyyy or yy), month (MM) and day (dd), then optionally HH, mm, ss in"
                        + " that order.").formatted(pattern, unit.label()));
            }
        }
    }

    /** Splits on every occurrence of the separator, keeping empty pieces: {@code a__b} has three. */
    private static List<String> split(String text, String separator) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int next;
        while ((next = text.indexOf(separator, start)) >= 0) {
            pieces.add(text.substring(start, next));
            start = next + separator.length();
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** With a separator like {@code __}, {@code a___b} splits as {@code a_|b} or {@code a|_b}: a guess either way. */
    private boolean separatorOverlapsItself(String name, int separatorCount) {
        if (separator.length() == 1) {
            return false;
        }
        int occurrences = 0;
        for (int at = name.indexOf(separator); at >= 0; at = name.indexOf(separator, at + 1)) {
            occurrences++;
        }
        return occurrences != separatorCount;
    }

    NameExtraction extract(String fileName) {
        String name = FileNames.baseName(fileName);
        List<String> parts = split(name, separator);
        if (separatorOverlapsItself(name, parts.size() - 1)) {
            return new NameExtraction(Map.of(), null, List.of(Issue.ofFile(IssueCode.FILENAME_AMBIGUOUS, fileName,
                    ("'%s' has the separator '%s' overlapping itself, so where one part ends cannot be told without"
                            + " guessing.").formatted(name, separator))));
        }
        if (parts.size() != slots.size()) {
            return new NameExtraction(Map.of(), null, List.of(partCountIssue(fileName, name, parts.size())));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<Issue> issues = new ArrayList<>();
        int[] values = new int[DateTimeUnit.values().length];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            switch (slots.get(i)) {
                case FieldSlot(String field) -> fields.put(field, part);
                case DateSlot(DateTimeToken token) -> {
                    String problem = token.read(part, values);
                    if (problem != null) {
                        issues.add(Issue.ofCell(IssueCode.FILENAME_VALUE_INVALID, fileName, 0, token.text(), part,
                                invalidPartMessage(part, token.text(), problem)));
                    }
                }
            }
        }
        if (daySlot == ABSENT || !issues.isEmpty()) {
            return new NameExtraction(fields, null, issues);
        }
        try {
            LocalDateTime local = LocalDateTime.of(values[DateTimeUnit.YEAR.ordinal()],
                    values[DateTimeUnit.MONTH.ordinal()], values[DateTimeUnit.DAY.ordinal()],
                    values[DateTimeUnit.HOUR.ordinal()], values[DateTimeUnit.MINUTE.ordinal()],
                    values[DateTimeUnit.SECOND.ordinal()]);
            return new NameExtraction(fields, local.atZone(zone).toInstant(), issues);
        } catch (DateTimeException e) {
            issues.add(missingDayIssue(fileName, parts.get(daySlot), values));
            return new NameExtraction(fields, null, issues);
        }
    }

    private Issue partCountIssue(String fileName, String name, int partCount) {
        if (partCount > slots.size()) {
            return Issue.ofFile(IssueCode.FILENAME_AMBIGUOUS, fileName, ("'%s' has %d parts separated by '%s' but"
                    + " the convention %s has %d: the separator appears inside a field, so the name cannot be split"
                    + " without guessing.").formatted(name, partCount, separator, pattern, slots.size()));
        }
        return Issue.ofFile(IssueCode.FILENAME_TOO_FEW_PARTS, fileName, ("'%s' has %d parts separated by '%s' but"
                + " the convention %s has %d: a part is missing or the name uses another separator.")
                .formatted(name, partCount, separator, pattern, slots.size()));
    }

    private Issue missingDayIssue(String fileName, String dayPart, int[] values) {
        YearMonth month = YearMonth.of(values[DateTimeUnit.YEAR.ordinal()], values[DateTimeUnit.MONTH.ordinal()]);
        String dayToken = ((DateSlot) slots.get(daySlot)).token().text();
        String problem = "%s %d has %d days, so there is no day %02d.".formatted(
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), month.getYear(),
                month.lengthOfMonth(), values[DateTimeUnit.DAY.ordinal()]);
        return Issue.ofCell(IssueCode.FILENAME_VALUE_INVALID, fileName, 0, dayToken, dayPart,
                invalidPartMessage(dayPart, dayToken, problem));
    }

    private static String invalidPartMessage(String part, String token, String problem) {
        return "The part '%s' for %s is invalid: %s".formatted(part, token, problem);
    }
}
