package io.callport.validate;

/** How much an issue matters: an error stops the file or row, a warning and information do not. */
public enum Severity {
    ERROR, WARNING, INFO;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
