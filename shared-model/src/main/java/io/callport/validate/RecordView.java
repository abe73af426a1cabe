package io.callport.validate;

/** One call's metadata as a row of cells: a CSV row, or a sidecar's fields laid out in the same columns. */
interface RecordView {

    /** The value at a 0-based column, or null when the record does not have that column. */
    String value(int column);

    /** The line the value at a column is on. */
    long line(int column);
}
