package io.callport.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (pull connectors' credentials, webhooks' signing secrets) with AES-256-GCM. Each value
 * gets a fresh 96-bit nonce and is bound to a context (its row's id) as associated data, so a ciphertext copied onto
 * another row does not decrypt. Text form: {@code v1:} followed by base64 of nonce and ciphertext with its tag.
 */
public final class CredentialCipher {
    /** The server setting holding the key (base64 of 32 bytes); without it the key lives in {@value #KEY_FILE}. */
    public static final String SETTING_KEY = "credential-key";
    /** The key file in the data folder, created on first use, readable by the owner only. */
    public static final String KEY_FILE = "credential.key";
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** A stored value that does not decrypt: another key or context, or altered text. */
    public static final class UnreadableException extends Exception {
        UnreadableException(Throwable cause) {
            super(unreadable("The stored value"), cause);
        }
    }

    private CredentialCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher for a key given as base64 of 32 random bytes (see {@link #generateKey()}). */
    public static CredentialCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The credential key is not base64; generate one with "
                    + "'openssl rand -base64 32'.", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The credential key must be 32 bytes (base64 of 'openssl rand 32'); "
                    + "this one has " + key.length + ".");
        }
        return new CredentialCipher(key);
    }

    /** The configured key when given, otherwise the key in {@code keyFile}, created there on first use. */
    public static CredentialCipher fromSettingOrFile(String base64Key, Path keyFile) {
        if (base64Key != null && !base64Key.isBlank()) {
            return fromBase64(base64Key);
        }
        try {
            if (!Files.exists(keyFile)) {
                writeOwnerOnly(keyFile, generateKey());
            }
            return fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the credential key " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plaintext; throws when the key or the context differ from encryption or the text was altered. */
    public String decrypt(String ciphertext, String context) throws UnreadableException {
        try {
            if (!isEncrypted(ciphertext)) {
                throw new IllegalArgumentException("unknown format");
            }
            byte[] in = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableException(e);
        }
    }

    /** Whether the text is in the form {@link #encrypt} writes (a plain secret stored before is not). */
    public static boolean isEncrypted(String text) {
        return text.startsWith(VERSION);
    }

    /** "{@code what} cannot be decrypted with this server's credential key (...)", for a message. */
    public static String unreadable(String what) {
        return what + " cannot be decrypted with this server's credential key (was " + SETTING_KEY + " or " + KEY_FILE
                + " changed?).";
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".credential-key", ".tmp", ownerOnly);
        Files.writeString(temporary, content + System.lineSeparator(), StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
