package io.callport.server.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The server's SSH host key: generated once (Ed25519, or ECDSA P-256 where Ed25519 is unavailable) as an OpenSSH
 * private key file readable by its owner only, plus a {@code .pub} beside it, and reused on every start so that
 * clients' known_hosts entries stay valid.
 */
public final class HostKey {
    private static final String COMMENT = "callport-sftp-host-key";

    private final KeyPair keyPair;

    private HostKey(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public static HostKey loadOrCreate(Path file) throws IOException {
        try {
            return new HostKey(Files.exists(file) ? read(file) : generate(file));
        } catch (GeneralSecurityException e) {
            throw new IOException("The SFTP host key " + file + " could not be read or created", e);
        }
    }

    /** The key's SHA-256 fingerprint as ssh-keygen -l prints it, e.g. {@code SHA256:...}. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(keyPair.getPublic());
    }

    /** The public key as a known_hosts / authorized_keys line body, e.g. {@code ssh-ed25519 AAAA...}. */
    public String publicKeyLine() {
        return PublicKeyEntry.toString(keyPair.getPublic());
    }

    KeyPairProvider provider() {
        return KeyPairProvider.wrap(keyPair);
    }

    private static KeyPair read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterator<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, null).iterator();
            if (!keys.hasNext()) {
                throw new GeneralSecurityException("no key in " + file);
            }
            return keys.next();
        }
    }

    private static KeyPair generate(Path file) throws IOException, GeneralSecurityException {
        KeyPair keyPair = SecurityUtils.isEDDSACurveSupported()
                ? KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256)
                : KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(dir, ".host-key", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, COMMENT, null, out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        Files.writeString(file.resolveSibling(file.getFileName() + ".pub"),
                PublicKeyEntry.toString(keyPair.getPublic()) + " " + COMMENT + "\n", StandardCharsets.US_ASCII);
        return keyPair;
    }
}
