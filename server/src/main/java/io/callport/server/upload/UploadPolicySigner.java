package io.callport.server.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ForbiddenResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs upload policies with HMAC-SHA256 under a server secret, and checks them when the upload arrives. */
public final class UploadPolicySigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretKeySpec secret;
    private final Clock clock;

    public UploadPolicySigner(byte[] secret, Clock clock) {
        if (secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("The upload signing secret needs at least " + SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** The secret kept in {@code file} (owner-only), created with random bytes on first use. */
    public static UploadPolicySigner fromSecretFile(Path file, Clock clock) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(Files.createDirectories(file.toAbsolutePath().getParent()),
                    ".upload-secret", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(temporary, secret);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return new UploadPolicySigner(Files.readAllBytes(file), clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** The policy as URL-safe base64 JSON, the form field {@code policy}. */
    String encode(UploadPolicy policy) throws IOException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(policy));
    }

    /** The signature of an encoded policy, the form field {@code signature}. */
    String sign(String encodedPolicy) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(encodedPolicy.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }

    /** The policy, if the signature is the server's and the link has not expired. */
    UploadPolicy verify(String encodedPolicy, String signature) {
        byte[] expected = sign(encodedPolicy).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse("The upload signature does not match its policy.");
        }
        UploadPolicy policy;
        try {
            policy = JSON.readValue(Base64.getUrlDecoder().decode(encodedPolicy), UploadPolicy.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadRequestResponse("The upload policy cannot be read.");
        }
        Instant expiry = Instant.ofEpochSecond(policy.expiresAt());
        if (now().isAfter(expiry)) {
            throw new ForbiddenResponse("This upload link expired at " + expiry + "; ask for a new one.");
        }
        return policy;
    }
}
