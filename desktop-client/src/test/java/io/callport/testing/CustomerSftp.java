package io.callport.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A customer's SFTP server for a pull connector to fetch from: Apache MINA SSHD on a loopback port, serving a folder
 * to one account with a password or an accepted public key. Its host key can be replaced, as a reinstalled (or
 * impersonated) server's would be.
 */
public final class CustomerSftp implements AutoCloseable {
    public static final String USER = "recorder";
    public static final String PASSWORD = "pull-me-2026";

    private final SshServer server = SshServer.setUpDefaultServer();
    private final AtomicReference<KeyPair> hostKey = new AtomicReference<>(newHostKey());
    private final AtomicReference<PublicKey> acceptedKey = new AtomicReference<>();

    public CustomerSftp(Path root) throws IOException {
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(hostKey.get()));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && KeyUtils.compareKeys(acceptedKey.get(), key));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint, {@code SHA256:...} as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.get().getPublic());
    }

    /** Lets the account log in with the private half of this public key, given as an OpenSSH line. */
    public void acceptKey(String openSshPublicKey) throws IOException, GeneralSecurityException {
        acceptedKey.set(AuthorizedKeyEntry.parseAuthorizedKeyEntry(openSshPublicKey)
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
    }

    /** Presents a new host key from the next connection on. */
    public void replaceHostKey() {
        hostKey.set(newHostKey());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair newHostKey() {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime makes NIST P-256 keys", e);
        }
    }
}
