package io.callport.server.store;

/** A page of a listing: at most {@code limit} rows after skipping {@code offset}. */
public record Page(int limit, int offset) {
    public static final int MAX_LIMIT = 1000;

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("A page holds 1 to " + MAX_LIMIT + " items, not " + limit + ".");
        }
        if (offset < 0) {
            throw new InvalidValueException("The offset cannot be negative: " + offset + ".");
        }
    }
}
