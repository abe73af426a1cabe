package io.callport.server.upload;

import io.javalin.http.BadRequestResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** The tus {@code Upload-Checksum} header, {@code sha256 <base64 digest>}, checked against a chunk as it streams. */
final class TusChecksum {
    static final String ALGORITHM = "sha256";

    private final byte[] expected;

    private TusChecksum(byte[] expected) {
        this.expected = expected;
    }

    static Optional<TusChecksum> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String[] parts = header.strip().split(" ", 2);
        if (!parts[0].toLowerCase(Locale.ROOT).equals(ALGORITHM)) {
            throw new BadRequestResponse("Upload-Checksum algorithm \"" + parts[0] + "\" is not supported; use sha256.");
        }
        try {
            return Optional.of(new TusChecksum(Base64.getDecoder().decode(parts.length > 1 ? parts[1].strip() : "")));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("Upload-Checksum digest is not base64.");
        }
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    boolean matches(MessageDigest digest) {
        return MessageDigest.isEqual(expected, digest.digest());
    }
}
