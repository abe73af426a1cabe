package io.callport.mapping;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The type of a metadata column, which decides how its values are checked and indexed. */
public enum MetadataType {
    STRING, INTEGER, DECIMAL, BOOLEAN, DATE, ENUM;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MetadataType fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
