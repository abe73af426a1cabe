package io.callport.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the column a mapping names: by exact header text, then by header text ignoring case and surrounding
 * spaces (exports drift between "Agent ID" and "agent id"), or by 1-based position when there is no header.
 */
public final class ColumnReference {
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> loose = new HashMap<>();
    /** The number of columns when they are referenced by position, -1 when they are referenced by name. */
    private final int positionalWidth;

    private ColumnReference(List<String> header, int positionalWidth) {
        this.positionalWidth = positionalWidth;
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i), i);
            loose.merge(normalise(header.get(i)), i, (first, second) -> -1);
        }
    }

    public static ColumnReference byHeader(List<String> header) {
        return new ColumnReference(header, -1);
    }

    /** Columns of a file without a header, which has this many cells in its first row. */
    public static ColumnReference byPosition(int width) {
        return new ColumnReference(List.of(), width);
    }

    /** The 0-based index of the column, or -1 when the file has no such column. */
    public int indexOf(String reference) {
        if (positionalWidth >= 0) {
            int index = isPosition(reference) ? Integer.parseInt(reference.trim()) - 1 : -1;
            return index < positionalWidth ? index : -1;
        }
        Integer index = exact.get(reference);
        if (index == null) {
            index = loose.get(normalise(reference));
        }
        return index == null ? -1 : index;
    }

    public static boolean isPosition(String reference) {
        String trimmed = reference.trim();
        if (trimmed.isEmpty() || trimmed.length() > 6) {
            return false;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (!Character.isDigit(trimmed.charAt(i))) {
                return false;
            }
        }
        return Integer.parseInt(trimmed) >= 1;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
