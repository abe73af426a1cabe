package io.callport.ui.mapping;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * A value built from what the person typed, or the sentences saying why it could not be built.
 *
 * @param value    the value, or null
 * @param problems why there is no value; empty when there is one
 */
record Attempt<T>(T value, List<String> problems) {

    /** Builds the value; the message of an IllegalArgumentException, which the model's checks throw, is the problem. */
    static <T> Attempt<T> of(Callable<T> build) {
        try {
            return new Attempt<>(build.call(), List.of());
        } catch (IllegalArgumentException e) {
            return new Attempt<>(null, List.of(e.getMessage()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isPresent() {
        return value != null;
    }
}
