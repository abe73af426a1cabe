package io.callport.server.store;

/** Row ids: a short type prefix and 96 random bits, e.g. {@code cmp_3kTq9XaZ0bW7hR2mYc}. */
public final class Ids {
    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + RandomText.base62(12);
    }
}
