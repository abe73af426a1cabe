package io.callport.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import io.callport.server.store.RandomText;

/** API key secrets: {@code cp_} and 43 base62 characters (32 random bytes); stored only as their SHA-256. */
public final class ApiKeySecrets {
    public static final String PREFIX = "cp_";
    private static final int RANDOM_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("cp_[0-9A-Za-z]{43}");
    /** How much of the secret the key list shows, enough to tell keys apart and nothing to guess with. */
    private static final int VISIBLE_CHARACTERS = PREFIX.length() + 6;

    private ApiKeySecrets() {
    }

    public static String generate() {
        return PREFIX + RandomText.base62(RANDOM_BYTES);
    }

    public static boolean hasValidShape(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    public static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The start of the secret, e.g. {@code cp_3kTq9X}, shown in key lists. */
    public static String visiblePrefix(String secret) {
        return secret.substring(0, VISIBLE_CHARACTERS);
    }
}
