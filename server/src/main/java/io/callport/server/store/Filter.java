package io.callport.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A WHERE clause built from optional conditions: a condition whose value is null is left out, so no query ever
 * binds a null to compare with (which PostgreSQL cannot type).
 */
final class Filter {
    private final StringBuilder sql;
    private final List<Object> parameters = new ArrayList<>();

    Filter(String condition, Object value) {
        this.sql = new StringBuilder(condition);
        parameters.add(value);
    }

    Filter and(String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            parameters.add(value);
        }
        return this;
    }

    /** {@code column IN (values)}; null leaves it out, an empty collection matches nothing. */
    Filter andIn(String column, Collection<?> values) {
        if (values == null) {
            return this;
        }
        if (values.isEmpty()) {
            sql.append(" AND 1 = 0");
            return this;
        }
        sql.append(" AND ").append(column).append(" IN (").append(InLists.placeholders(values.size())).append(')');
        parameters.addAll(values);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    Object[] parametersThen(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
