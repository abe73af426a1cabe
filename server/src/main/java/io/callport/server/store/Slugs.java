package io.callport.server.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folder and account names derived from what people type: lowercase letters, digits and dashes. */
public final class Slugs {
    public static final int MAX_LENGTH = 48;
    public static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0," + (MAX_LENGTH - 2) + "}[a-z0-9])?");

    private Slugs() {
    }

    /** "Sales – Inbound (EU)" becomes "sales-inbound-eu"; a name with no usable letters becomes {@code fallback}. */
    public static String of(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** The slug with a numeric suffix, still within the length limit: {@code sales-2}. */
    public static String numbered(String slug, int number) {
        String suffix = "-" + number;
        String base = slug.length() + suffix.length() > MAX_LENGTH
                ? slug.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : slug;
        return base + suffix;
    }

    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }
}
