package io.callport.service;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Makes SSH keys with JSch and saves them the way OpenSSH does: the private key readable by its owner only, the
 * public key next to it with {@code .pub}. A PuTTY key file (.ppk) of the same key serves WinSCP and FileZilla.
 */
public final class KeyService {
    private final JSch jsch = new JSch();
    private final SecureRandom random = new SecureRandom();

    /**
     * Generates a key pair and writes it in every format at once.
     *
     * @param passphrase protects the private key files; null or empty for none. It is not kept.
     */
    public GeneratedKey generate(KeyType type, String comment, char[] passphrase) throws JSchException {
        KeyPair pair = KeyPair.genKeyPair(jsch, type.jschType(), type.bits());
        byte[] secret = passphrase == null || passphrase.length == 0 ? null
                : new String(passphrase).getBytes(StandardCharsets.UTF_8);
        try {
            pair.setPublicKeyComment(comment);
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            // the legacy writePrivateKey cannot write Ed25519; OpenSSH's own format holds both kinds
            pair.writeOpenSSHv1PrivateKey(plain, null);
            OpenSshKey parts = OpenSshKey.parse(plain.toString(StandardCharsets.US_ASCII));
            byte[] openSsh = plain.toByteArray();
            if (secret != null) {
                ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
                pair.writeOpenSSHv1PrivateKey(encrypted, secret);
                Arrays.fill(openSsh, (byte) 0);
                openSsh = encrypted.toByteArray();
            }
            byte[] putty = PuttyKeyFile.write(parts, secret, random).getBytes(StandardCharsets.UTF_8);
            String publicKey = parts.algorithm() + " " + Base64.getEncoder().encodeToString(parts.publicBlob())
                    + (comment == null || comment.isBlank() ? "" : " " + comment.strip());
            return new GeneratedKey(type, publicKey, fingerprint(parts.publicBlob()), openSsh, putty, secret != null);
        } finally {
            pair.dispose();
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }

    /** The comment a key gets unless the person gives one: who made it, and with what. */
    public static String defaultComment() {
        return System.getProperty("user.name", "admin") + "@callport-uploader";
    }

    /** Writes the private key (owner-only) and the public key beside it, as {@code <file>.pub}. */
    public void save(GeneratedKey key, Path privateKeyFile) throws IOException {
        PrivateFiles.write(privateKeyFile, key.openSsh());
        Path publicKeyFile = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
        Files.writeString(publicKeyFile, key.publicKey() + "\n", StandardCharsets.UTF_8);
    }

    /** Writes the PuTTY key file (owner-only). */
    public void exportPutty(GeneratedKey key, Path ppkFile) throws IOException {
        PrivateFiles.write(ppkFile, key.putty());
    }

    /**
     * The public key of a private key file as an {@code authorized_keys} line: the {@code .pub} file beside it when
     * there is one, otherwise read from the private key (whose public half is never encrypted).
     */
    public String publicKeyOf(Path privateKeyFile) throws IOException {
        Path beside = privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".pub");
        if (Files.isRegularFile(beside)) {
            return Files.readString(beside, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        }
        try {
            KeyPair pair = KeyPair.load(jsch, privateKeyFile.toString());
            try {
                byte[] blob = pair.getPublicKeyBlob();
                if (blob == null) {
                    throw new IOException(privateKeyFile.getFileName() + " holds no public key; keep its .pub beside it.");
                }
                return new SshWire.Reader(blob).text() + " " + Base64.getEncoder().encodeToString(blob);
            } finally {
                pair.dispose();
            }
        } catch (JSchException e) {
            throw new IOException(privateKeyFile.getFileName() + " is not a private key: " + e.getMessage(), e);
        }
    }

    /** The fingerprint of a public key given as an {@code authorized_keys} line: algorithm, base64, comment. */
    public static String fingerprintOfPublicKey(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("This is not a public key: it needs the algorithm and the key.");
        }
        return fingerprint(Base64.getDecoder().decode(parts[1]));
    }

    /** SHA-256 of the public key in unpadded base64, the form {@code ssh-keygen -l} and servers show. */
    static String fingerprint(byte[] publicBlob) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
