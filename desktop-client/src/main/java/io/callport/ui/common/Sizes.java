package io.callport.ui.common;

/** File sizes as people read them: 980 bytes, 64 KB, 150.3 MB, 2.1 GB (powers of 1,024, as file managers show). */
public final class Sizes {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private Sizes() {
    }

    public static String describe(long bytes) {
        if (bytes < 1024) {
            return Messages.format("size.bytes", bytes);
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 || value == Math.rint(value) ? String.format("%.0f", value)
                : String.format("%.1f", value);
        return number + " " + UNITS[unit];
    }
}
