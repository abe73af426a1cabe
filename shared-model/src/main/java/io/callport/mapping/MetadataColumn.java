package io.callport.mapping;

import java.util.Map;

/**
 * An extra column kept with each call under a user-facing name.
 *
 * @param column the column's header text or 1-based position
 * @param name   the name people see in the platform
 * @param type   how values are checked; {@link MetadataType#STRING} when absent
 * @param values a value map from the recorder's codes to labels (e.g. contact-reason ids); for
 *               {@link MetadataType#ENUM} the keys are the only values allowed
 */
public record MetadataColumn(String column, String name, MetadataType type, Map<String, String> values) {

    public MetadataColumn {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("A metadata column needs the column it reads.");
        }
        name = name == null || name.isBlank() ? column : name;
        type = type == null ? MetadataType.STRING : type;
        values = values == null ? Map.of() : Map.copyOf(values);
        if (type == MetadataType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("The enum column '" + name + "' needs its allowed values.");
        }
    }

    public MetadataColumn(String column, String name, MetadataType type) {
        this(column, name, type, Map.of());
    }
}
