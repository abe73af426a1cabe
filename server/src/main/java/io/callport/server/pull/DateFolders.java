package io.callport.server.pull;

import io.callport.server.store.InvalidValueException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The customer's folders by date below the base path, e.g. {@code 20260211} or {@code 2026_02_11}, or nested as
 * {@code yyyy/MM/dd}. The pattern uses {@code yyyy}, {@code MM}, {@code dd} (and {@code yy}, {@code M}, {@code d});
 * other characters among {@code / _ - .} are copied. A null pattern means the files lie directly in the base path.
 */
public record DateFolders(String pattern) {
    public static final DateFolders NONE = new DateFolders(null);
    public static final String COMPACT = "yyyyMMdd";
    public static final String UNDERSCORED = "yyyy_MM_dd";
    private static final Pattern ALLOWED = Pattern.compile("[yMd/_\\-.]+");
    private static final int MAX_DAYS = 366;

    public DateFolders {
        if (pattern != null) {
            pattern = pattern.strip();
            if (!ALLOWED.matcher(pattern).matches() || !pattern.contains("yy") || !pattern.contains("M")
                    || !pattern.contains("d") || !everyFolderHasADatePart(pattern)) {
                throw new InvalidValueException("The date-folder pattern '" + pattern + "' must be made of yyyy, MM "
                        + "and dd with / _ - . between them, e.g. " + COMPACT + ", " + UNDERSCORED + " or yyyy/MM/dd.");
            }
        }
    }

    /** Rules out empty folder names and ones made only of punctuation, such as {@code ..}. */
    private static boolean everyFolderHasADatePart(String pattern) {
        return Arrays.stream(pattern.split("/", -1)).allMatch(folder -> folder.matches(".*[yMd].*"));
    }

    public static DateFolders of(String pattern) {
        return pattern == null || pattern.isBlank() ? NONE : new DateFolders(pattern);
    }

    public boolean isNone() {
        return pattern == null;
    }

    /**
     * The folders to look in, relative to the base path, oldest first: one per day from {@code from} to {@code to},
     * or just the base path ({@code ""}) without date folders.
     */
    public List<String> between(LocalDate from, LocalDate to) {
        if (pattern == null) {
            return List.of("");
        }
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidValueException("Date folders are listed for 0 to " + MAX_DAYS + " days, not from " + from
                    + " to " + to + ".");
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT);
        List<String> folders = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            folders.add(format.format(day));
        }
        return folders;
    }
}
