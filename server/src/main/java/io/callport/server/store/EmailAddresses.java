package io.callport.server.store;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as the store keeps them: trimmed, lowercase, with one {@code @} and a dotted domain. */
public final class EmailAddresses {
    private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private EmailAddresses() {
    }

    public static boolean isPlausible(String email) {
        return email != null && PLAUSIBLE.matcher(email.strip()).matches();
    }

    /** The normalised address, or an {@link InvalidValueException} naming it. */
    public static String normalise(String email) {
        if (!isPlausible(email)) {
            throw new InvalidValueException("'" + email + "' is not an email address.");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
