package io.callport.server.pull;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.UserInfo;
import io.callport.server.auth.SshPublicKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Vector;

/**
 * Fetches from a customer's SFTP server with JSch, by password or private key. The server's host key is pinned: the
 * first connection records its fingerprint (see {@link PullSession#serverFingerprint()}), and every later connection
 * must present the same key or is refused with {@link PullFailure#HOST_KEY_CHANGED}.
 */
public final class SftpPullSource implements PullSource {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** AES-GCM first: cheapest for both ends (MINA's chacha20 costs about four times the CPU). */
    private static final String CIPHERS = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes192-ctr,"
            + "aes256-ctr,chacha20-poly1305@openssh.com";
    /** Read requests kept in flight per transfer, so a transfer is not one round trip per read. */
    private static final int BULK_REQUESTS = 64;
    /** The bytes JSch asks for in one read request. */
    private static final int READ_REQUEST_BYTES = 32 * 1024;

    private final SftpSite site;
    private final Credentials credentials;
    private final String pinnedFingerprint;

    /** @param pinnedFingerprint the host key fingerprint seen first ({@code SHA256:...}), or null to pin on this use */
    public SftpPullSource(SftpSite site, Credentials credentials, String pinnedFingerprint) {
        site.requireUsable(credentials);
        this.site = site;
        this.credentials = credentials;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    @Override
    public PullSession connect() throws PullException {
        PinnedHostKey hostKey = new PinnedHostKey(pinnedFingerprint);
        Session session = null;
        try {
            JSch jsch = new JSch();
            jsch.setHostKeyRepository(hostKey);
            if (credentials.privateKey() != null) {
                addIdentity(jsch);
            }
            session = jsch.getSession(site.username(), site.host(), site.port());
            if (credentials.password() != null) {
                // JSch answers a keyboard-interactive "Password:" prompt with it too, as many servers ask that way
                session.setPassword(credentials.password());
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
            session.setConfig("cipher.s2c", CIPHERS);
            session.setConfig("cipher.c2s", CIPHERS);
            session.setTimeout((int) READ_TIMEOUT.toMillis());
            session.connect((int) CONNECT_TIMEOUT.toMillis());
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect((int) CONNECT_TIMEOUT.toMillis());
            SftpSession opened = new SftpSession(session, channel, hostKey.seen);
            opened.requireBasePath();
            return opened;
        } catch (JSchException e) {
            disconnect(session);
            throw connectFailure(e, hostKey);
        } catch (PullException | RuntimeException e) {
            disconnect(session);
            throw e;
        }
    }

    private void addIdentity(JSch jsch) throws PullException {
        byte[] passphrase = credentials.privateKeyPassphrase() == null ? null
                : credentials.privateKeyPassphrase().getBytes(StandardCharsets.UTF_8);
        try {
            jsch.addIdentity("connector", credentials.privateKey().getBytes(StandardCharsets.UTF_8), null, passphrase);
        } catch (JSchException e) {
            throw new PullException(PullFailure.BAD_CREDENTIALS, "The private key for " + site.describe()
                    + " cannot be read (" + e.getMessage() + "); paste the whole key, with its BEGIN and END lines, "
                    + "and its passphrase if it has one.", e);
        }
    }

    private PullException connectFailure(JSchException e, PinnedHostKey hostKey) {
        String server = site.host() + ":" + site.port();
        if (hostKey.changed) {
            return PullException.hostKeyChanged("The SFTP server " + server + " presented the host "
                    + "key " + hostKey.seen + ", but " + pinnedFingerprint + " was pinned when the connector first "
                    + "connected. Nothing was fetched. If the customer replaced the server's key, confirm the new "
                    + "key on the connector; otherwise someone may be intercepting the connection.", hostKey.seen, e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnknownHostException) {
            return new PullException(PullFailure.UNREACHABLE, "The SFTP host name " + site.host()
                    + " does not resolve.", e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException || String.valueOf(e.getMessage()).startsWith("timeout")) {
            return new PullException(PullFailure.UNREACHABLE, "The SFTP server " + server + " cannot be reached ("
                    + (cause != null ? cause.getMessage() : e.getMessage()) + ").", e);
        }
        if (String.valueOf(e.getMessage()).contains("Auth fail") || String.valueOf(e.getMessage()).contains("Auth cancel")) {
            return new PullException(PullFailure.BAD_CREDENTIALS, "The SFTP server " + server + " refused the login "
                    + "of '" + site.username() + "' with the " + (credentials.privateKey() != null ? "private key"
                    : "password") + " given.", e);
        }
        return new PullException(PullFailure.CONNECTION_LOST, "The connection to the SFTP server " + server
                + " failed: " + e.getMessage() + ".", e);
    }

    private static void disconnect(Session session) {
        if (session != null) {
            session.disconnect();
        }
    }

    private final class SftpSession implements PullSession {
        private final Session session;
        private final ChannelSftp channel;
        private final String fingerprint;

        SftpSession(Session session, ChannelSftp channel, String fingerprint) {
            this.session = session;
            this.channel = channel;
            this.fingerprint = fingerprint;
        }

        void requireBasePath() throws PullException {
            String base = site.basePath().isEmpty() ? "." : site.basePath();
            try {
                SftpATTRS attributes = channel.stat(base);
                if (!attributes.isDir()) {
                    throw new PullException(PullFailure.NOT_FOUND, "The base path " + base + " on "
                            + site.describe() + " is a file, not a folder.");
                }
            } catch (SftpException e) {
                throw failure(e, "the base path " + base);
            }
        }

        @Override
        public List<RemoteFile> list(String folder) throws PullException {
            String path = remotePath(folder);
            Vector<ChannelSftp.LsEntry> entries;
            try {
                entries = channel.ls(path);
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE && !folder.isEmpty()) {
                    return List.of();
                }
                throw failure(e, "the folder " + path);
            }
            List<RemoteFile> files = new ArrayList<>();
            for (ChannelSftp.LsEntry entry : entries) {
                SftpATTRS attributes = entry.getAttrs();
                if (attributes.isReg()) {
                    files.add(new RemoteFile(RemoteFile.join(folder, entry.getFilename()), attributes.getSize(),
                            Instant.ofEpochSecond(Integer.toUnsignedLong(attributes.getMTime()))));
                }
            }
            return files;
        }

        @Override
        public void fetch(RemoteFile file, long offset, OutputStream target) throws PullException, IOException {
            String path = remotePath(file.path());
            try {
                // requests past the end of a small file only make the server answer EOF
                long reads = (file.size() - offset) / READ_REQUEST_BYTES + 1;
                channel.setBulkRequests((int) Math.min(BULK_REQUESTS, reads));
            } catch (JSchException e) {
                throw new IllegalStateException("A positive request count is always accepted", e);
            }
            try (InputStream in = channel.get(path, null, offset)) {
                RemoteReads.copy(in, target, path + " from " + site.host());
            } catch (SftpException e) {
                throw failure(e, path);
            }
        }

        @Override
        public Optional<String> serverFingerprint() {
            return Optional.ofNullable(fingerprint);
        }

        @Override
        public void close() {
            channel.disconnect();
            session.disconnect();
        }

        private String remotePath(String relative) {
            if (site.basePath().isEmpty()) {
                return relative.isEmpty() ? "." : relative;
            }
            return relative.isEmpty() ? site.basePath()
                    : site.basePath().endsWith("/") ? site.basePath() + relative : site.basePath() + "/" + relative;
        }

        private PullException failure(SftpException e, String what) {
            return switch (e.id) {
                case ChannelSftp.SSH_FX_NO_SUCH_FILE -> new PullException(PullFailure.NOT_FOUND, "There is no "
                        + what + " on " + site.describe() + ".", e);
                case ChannelSftp.SSH_FX_PERMISSION_DENIED -> new PullException(PullFailure.PERMISSION_DENIED, "The "
                        + "SFTP account '" + site.username() + "' may not read " + what + " on " + site.host() + ".", e);
                default -> new PullException(PullFailure.CONNECTION_LOST, "Reading " + what + " on " + site.host()
                        + " failed: " + e.getMessage() + ".", e);
            };
        }
    }

    /** Accepts the first host key it sees and remembers its fingerprint; refuses any other once one is pinned. */
    private static final class PinnedHostKey implements HostKeyRepository {
        private final String pinned;
        private String seen;
        private boolean changed;

        PinnedHostKey(String pinned) {
            this.pinned = pinned;
        }

        @Override
        public int check(String host, byte[] key) {
            seen = SshPublicKeys.fingerprint(key);
            changed = pinned != null && !pinned.equals(seen);
            return changed ? CHANGED : OK;
        }

        @Override
        public void add(HostKey hostkey, UserInfo ui) {
            // pins are kept by the connector's record, not here
        }

        @Override
        public void remove(String host, String type) {
        }

        @Override
        public void remove(String host, String type, byte[] key) {
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return "callport-pinned-host-key";
        }

        @Override
        public HostKey[] getHostKey() {
            return new HostKey[0];
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return new HostKey[0];
        }
    }
}
