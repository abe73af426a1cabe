package io.callport.naming;

/** The units a date-time token can hold, in the order a contact date needs them. */
enum DateTimeUnit {
    YEAR("year", 0, 9999),
    MONTH("month", 1, 12),
    DAY("day", 1, 31),
    HOUR("hour", 0, 23),
    MINUTE("minute", 0, 59),
    SECOND("second", 0, 59);

    private final String label;
    private final int min;
    private final int max;

    DateTimeUnit(String label, int min, int max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    String label() {
        return label;
    }

    boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** The allowed values as an admin reads them, e.g. {@code between 01 and 12}. */
    String range() {
        return "between %02d and %02d".formatted(min, max);
    }
}
