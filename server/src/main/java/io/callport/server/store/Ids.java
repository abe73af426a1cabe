package io.callport.server.store;

/** Row ids: a short type prefix and 96 random bits, e.g. {@code cmp_3kTq9XaZ0bW7hR2mYc}. */
public final class Ids {
    private Ids() {
    }

    public static String next(String prefix) {
        return prefix + "_" + RandomText.base62(12);
    }

    /**
     * Like {@link #next}, but an id made later sorts after one made earlier: its first 48 bits are the time in
     * milliseconds, the other 48 random. Rows inserted in bursts (a batch's calls) then land side by side in their
     * indexes instead of on random pages.
     */
    public static String ordered(String prefix) {
        byte[] bytes = RandomText.randomBytes(12);
        long millis = System.currentTimeMillis();
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        return prefix + "_" + RandomText.base62(bytes);
    }
}
