package io.callport.service;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Writes a private key as a PuTTY key file, version 3 (PuTTY 0.75 and later, WinSCP 5.19, FileZilla 3.54): the
 * format PuTTY, WinSCP and FileZilla users load. A passphrase encrypts it with AES-256-CBC under a key derived
 * with Argon2id, as PuTTYgen does; without one the file is only checked by its MAC.
 */
final class PuttyKeyFile {
    /** PuTTYgen's defaults for memory and parallelism; the passes cost about a tenth of a second here. */
    static final int ARGON2_MEMORY_KIB = 8192;
    static final int ARGON2_PASSES = 13;
    static final int ARGON2_PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int CIPHER_BLOCK = 16;
    private static final int LINE_CHARS = 64;

    private PuttyKeyFile() {
    }

    static String write(OpenSshKey key, byte[] passphrase, SecureRandom random) {
        boolean encrypted = passphrase != null && passphrase.length > 0;
        byte[] privateBlob = padded(privateBlob(key), encrypted ? CIPHER_BLOCK : 1);
        String encryption = encrypted ? "aes256-cbc" : "none";
        StringBuilder file = new StringBuilder();
        file.append("PuTTY-User-Key-File-3: ").append(key.algorithm()).append('\n');
        file.append("Encryption: ").append(encryption).append('\n');
        file.append("Comment: ").append(key.comment()).append('\n');
        appendLines(file, "Public-Lines", key.publicBlob());
        byte[] cipherKey = new byte[32];
        byte[] iv = new byte[16];
        byte[] macKey = new byte[0];
        if (encrypted) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            byte[] derived = argon2id(passphrase, salt);
            cipherKey = Arrays.copyOfRange(derived, 0, 32);
            iv = Arrays.copyOfRange(derived, 32, 48);
            macKey = Arrays.copyOfRange(derived, 48, 80);
            file.append("Key-Derivation: Argon2id\n");
            file.append("Argon2-Memory: ").append(ARGON2_MEMORY_KIB).append('\n');
            file.append("Argon2-Passes: ").append(ARGON2_PASSES).append('\n');
            file.append("Argon2-Parallelism: ").append(ARGON2_PARALLELISM).append('\n');
            file.append("Argon2-Salt: ").append(HexFormat.of().formatHex(salt)).append('\n');
        }
        byte[] macInput = new SshWire.Writer().text(key.algorithm()).text(encryption).text(key.comment())
                .string(key.publicBlob()).string(privateBlob).toBytes();
        byte[] mac = hmacSha256(macKey, macInput);
        appendLines(file, "Private-Lines", encrypted ? aes256Cbc(cipherKey, iv, privateBlob) : privateBlob);
        file.append("Private-MAC: ").append(HexFormat.of().formatHex(mac)).append('\n');
        Arrays.fill(privateBlob, (byte) 0);
        Arrays.fill(cipherKey, (byte) 0);
        return file.toString();
    }

    /** PuTTY's private part: Ed25519's 32-byte secret, whole; RSA's d, p, q, iqmp. */
    private static byte[] privateBlob(OpenSshKey key) {
        List<byte[]> fields = key.privateFields();
        if (key.algorithm().equals("ssh-ed25519")) {
            // all 32 bytes even when the last is zero: puttygen 0.78 writes them so (a key ending in 0x00 showed it)
            return new SshWire.Writer().string(Arrays.copyOf(fields.get(1), 32)).toBytes();
        }
        // OpenSSH holds n, e, d, iqmp, p, q; PuTTY wants d, then the larger prime first and the inverse of the other
        BigInteger first = new BigInteger(fields.get(4));
        BigInteger second = new BigInteger(fields.get(5));
        BigInteger p = first.max(second);
        BigInteger q = first.min(second);
        return new SshWire.Writer().string(fields.get(2)).string(p.toByteArray()).string(q.toByteArray())
                .string(q.modInverse(p).toByteArray()).toBytes();
    }

    /** Pads to whole cipher blocks with the start of the blob's SHA-1, as PuTTY does. */
    private static byte[] padded(byte[] blob, int block) {
        int length = (blob.length + block - 1) / block * block;
        if (length == blob.length) {
            return blob;
        }
        byte[] padded = Arrays.copyOf(blob, length);
        byte[] hash = digest("SHA-1", blob);
        System.arraycopy(hash, 0, padded, blob.length, length - blob.length);
        return padded;
    }

    private static byte[] argon2id(byte[] passphrase, byte[] salt) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(ARGON2_MEMORY_KIB)
                .withIterations(ARGON2_PASSES)
                .withParallelism(ARGON2_PARALLELISM)
                .withSalt(salt)
                .build());
        byte[] derived = new byte[80];
        argon2.generateBytes(passphrase, derived);
        return derived;
    }

    private static byte[] aes256Cbc(byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has AES", e);
        }
    }

    private static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads its key with zeros to a whole block, so one zero byte is the empty key the JDK refuses
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has HMAC-SHA-256", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java has " + algorithm, e);
        }
    }

    private static void appendLines(StringBuilder file, String header, byte[] data) {
        String base64 = Base64.getEncoder().encodeToString(data);
        int lines = (base64.length() + LINE_CHARS - 1) / LINE_CHARS;
        file.append(header).append(": ").append(lines).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_CHARS) {
            file.append(base64, i, Math.min(base64.length(), i + LINE_CHARS)).append('\n');
        }
    }
}
