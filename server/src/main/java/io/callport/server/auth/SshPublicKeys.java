package io.callport.server.auth;

import io.callport.server.store.InvalidValueException;
import io.callport.server.store.SshKeyMaterial;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Reads an OpenSSH public key line ({@code ssh-ed25519 AAAA... comment}) and checks it is one the SFTP server
 * accepts: Ed25519, ECDSA on NIST P-256/384/521, or RSA of at least 2048 bits. The key data is decoded and
 * checked against its declared type, and the fingerprint is computed as {@code ssh-keygen -l} prints it.
 */
public final class SshPublicKeys {
    public static final int MIN_RSA_BITS = 2048;
    private static final int MAX_LINE_LENGTH = 16 * 1024;
    /** ECDSA types, their curve name inside the key, curve size, and uncompressed point length. */
    private static final Map<String, int[]> ECDSA = Map.of(
            "ecdsa-sha2-nistp256", new int[] {256, 65},
            "ecdsa-sha2-nistp384", new int[] {384, 97},
            "ecdsa-sha2-nistp521", new int[] {521, 133});

    private SshPublicKeys() {
    }

    public static SshKeyMaterial parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("Paste the public key: the one line in the .pub file, starting with ssh-ed25519, "
                    + "ecdsa-sha2-nistp256 or ssh-rsa.");
        }
        String line = text.strip();
        if (line.contains("PRIVATE KEY")) {
            throw invalid("This is a private key. Never share it: paste the public key from the .pub file instead.");
        }
        if (line.startsWith("---- BEGIN SSH2 PUBLIC KEY")) {
            throw invalid("This key is in the SSH2 (RFC 4716) format; convert it with ssh-keygen -i -f key.pub and "
                    + "paste the one-line OpenSSH form.");
        }
        if (line.length() > MAX_LINE_LENGTH || line.contains("\n") || line.contains("\r")) {
            throw invalid("A public key is one line of text; this has several lines or is far too long.");
        }
        String[] parts = line.split("\\s+", 3);
        if (parts.length < 2) {
            throw invalid("A public key has a type, then its base64 data, e.g. ssh-ed25519 AAAAC3Nza...");
        }
        String type = parts[0];
        String comment = parts.length == 3 ? parts[2].strip() : null;
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("The key data after '" + type + "' is not valid base64; the key may be cut short or "
                    + "have extra characters.");
        }
        int bits = checkBlob(type, blob);
        return new SshKeyMaterial(type + " " + parts[1], fingerprint(blob), type, bits, comment);
    }

    /** The key's size in bits, after checking its data matches its type and is complete. */
    private static int checkBlob(String type, byte[] blob) {
        if (type.equals("ssh-dss")) {
            throw invalid("DSA (ssh-dss) keys are not accepted: they are weak and OpenSSH has dropped them. "
                    + "Create an Ed25519 key with ssh-keygen -t ed25519.");
        }
        if (!type.equals("ssh-ed25519") && !type.equals("ssh-rsa") && !ECDSA.containsKey(type)) {
            throw invalid("The key type '" + type + "' is not accepted; use ssh-ed25519, ecdsa-sha2-nistp256/384/521 "
                    + "or ssh-rsa of " + MIN_RSA_BITS + " bits or more.");
        }
        ByteBuffer data = ByteBuffer.wrap(blob);
        try {
            String declared = new String(readString(data), StandardCharsets.US_ASCII);
            if (!declared.equals(type)) {
                throw invalid("The key says it is " + type + " but its data holds a " + declared + " key.");
            }
            int bits = switch (type) {
                case "ssh-ed25519" -> {
                    if (readString(data).length != 32) {
                        throw invalid("The Ed25519 key data has the wrong length; the key is damaged.");
                    }
                    yield 256;
                }
                case "ssh-rsa" -> {
                    BigInteger exponent = new BigInteger(readString(data));
                    BigInteger modulus = new BigInteger(readString(data));
                    if (exponent.signum() <= 0 || modulus.signum() <= 0) {
                        throw invalid("The RSA key data is damaged.");
                    }
                    int size = modulus.bitLength();
                    if (size < MIN_RSA_BITS) {
                        throw invalid("This RSA key has " + size + " bits; at least " + MIN_RSA_BITS
                                + " are required. Create a new key with ssh-keygen -t ed25519.");
                    }
                    yield size;
                }
                default -> {
                    int[] curve = ECDSA.get(type);
                    String curveName = new String(readString(data), StandardCharsets.US_ASCII);
                    byte[] point = readString(data);
                    if (!type.endsWith(curveName) || point.length != curve[1] || point[0] != 0x04) {
                        throw invalid("The ECDSA key data does not match the curve " + type.substring(11)
                                + "; the key is damaged.");
                    }
                    yield curve[0];
                }
            };
            if (data.hasRemaining()) {
                throw invalid("The key data has " + data.remaining() + " unexpected bytes at the end.");
            }
            return bits;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw invalid("The key data ends too early for a " + type + " key; it was probably cut short.");
        }
    }

    /** An SSH wire-format string: a 4-byte big-endian length, then that many bytes. */
    private static byte[] readString(ByteBuffer data) {
        int length = data.getInt();
        if (length < 0 || length > data.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] value = new byte[length];
        data.get(value);
        return value;
    }

    /** {@code SHA256:} and the unpadded base64 of the SHA-256 of the key data, like {@code ssh-keygen -l}. */
    public static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException(message);
    }
}
