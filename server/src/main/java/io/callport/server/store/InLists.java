package io.callport.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code IN (...)} lists: parts small enough for any database's parameter limit, and their placeholders. */
public final class InLists {
    /** Parameters per statement; far below SQLite's 32,766 and PostgreSQL's 65,535. */
    static final int MAX = 500;

    private InLists() {
    }

    public static <T> List<List<T>> partition(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> parts = new ArrayList<>();
        for (int start = 0; start < all.size(); start += MAX) {
            parts.add(all.subList(start, Math.min(all.size(), start + MAX)));
        }
        return parts;
    }

    public static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** {@code first} followed by {@code rest}, as statement parameters. */
    public static Object[] with(Object first, List<?> rest) {
        Object[] parameters = new Object[rest.size() + 1];
        parameters[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            parameters[i + 1] = rest.get(i);
        }
        return parameters;
    }
}
