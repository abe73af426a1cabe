package io.callport.server.landing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Sizes as people read them: 2 GB, 1.5 MB, 300 bytes (binary units, as the reference limits are meant). */
public final class ByteSizes {
    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private ByteSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + UNITS[unit];
    }
}
