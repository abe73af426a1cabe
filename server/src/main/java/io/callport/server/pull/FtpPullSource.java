package io.callport.server.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * Fetches from a customer's FTP server with Apache Commons Net, in binary mode, passive unless the site asks for active
 * mode, plain or with explicit TLS.
 * For FTPS the server certificate is pinned like an SFTP host key: the first connection records its SHA-256
 * fingerprint, later connections must present the same certificate ({@link PullFailure#HOST_KEY_CHANGED}).
 * Listings use {@code MLSD} (exact sizes and times) where the server offers it, {@code LIST} otherwise.
 */
public final class FtpPullSource implements PullSource {
    private static final int FILE_UNAVAILABLE = 550;

    private final FtpSite site;
    private final Credentials credentials;
    private final String pinnedFingerprint;

    /** @param pinnedFingerprint the FTPS certificate fingerprint seen first, or null to pin on this use */
    public FtpPullSource(FtpSite site, Credentials credentials, String pinnedFingerprint) {
        site.requireUsable(credentials);
        this.site = site;
        this.credentials = credentials;
        this.pinnedFingerprint = pinnedFingerprint;
    }

    @Override
    public PullSession connect() throws PullException {
        PinnedFingerprint certificate = new PinnedFingerprint(pinnedFingerprint);
        FTPClient client;
        if (site.tls()) {
            FTPSClient ftps = new FTPSClient("TLS", false);
            ftps.setTrustManager(new PinnedCertificate(certificate));
            client = ftps;
        } else {
            client = new FTPClient();
        }
        client.setConnectTimeout((int) ServerConnections.CONNECT_TIMEOUT.toMillis());
        client.setDefaultTimeout((int) ServerConnections.READ_TIMEOUT.toMillis());
        client.setDataTimeout(ServerConnections.READ_TIMEOUT);
        try {
            client.connect(site.host(), site.port());
            requirePositive(client, "The FTP server " + server() + " refused the connection");
            if (!client.login(site.username(), credentials.password())) {
                throw new PullException(PullFailure.BAD_CREDENTIALS, "The FTP server " + server() + " refused the "
                        + "login of '" + site.username() + "' with the password given (" + reply(client) + ").");
            }
            if (client instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
            }
            if (site.mode() == FtpMode.ACTIVE) {
                client.enterLocalActiveMode();
            } else {
                client.enterLocalPassiveMode();
            }
            client.setFileType(FTP.BINARY_FILE_TYPE);
            FtpSession session = new FtpSession(client, certificate.presented(), client.hasFeature("MLST"));
            session.requireBasePath();
            return session;
        } catch (PullException e) {
            disconnect(client);
            throw e;
        } catch (IOException e) {
            disconnect(client);
            throw connectFailure(e, certificate);
        }
    }

    private PullException connectFailure(IOException e, PinnedFingerprint certificate) {
        if (certificate.changed()) {
            return certificate.changedFailure("FTPS server " + server(), "certificate", e);
        }
        if (e instanceof SSLException) {
            return new PullException(PullFailure.CONNECTION_LOST, "The TLS handshake with the FTPS server " + server()
                    + " failed: " + e.getMessage() + ". Check that the server offers explicit TLS (AUTH TLS).", e);
        }
        return ServerConnections.failure("FTP", site.host(), site.port(), e, e);
    }

    private String server() {
        return site.host() + ":" + site.port();
    }

    private static void requirePositive(FTPClient client, String what) throws PullException {
        if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
            throw new PullException(PullFailure.CONNECTION_LOST, what + " (" + reply(client) + ").");
        }
    }

    private static String reply(FTPClient client) {
        String text = client.getReplyString();
        return text == null ? "no reply" : text.strip();
    }

    private static void disconnect(FTPClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (IOException e) {
            // the connection is being abandoned; nothing more to release
        }
    }

    private final class FtpSession implements PullSession {
        private final FTPClient client;
        private final String fingerprint;
        private final boolean machineListings;

        FtpSession(FTPClient client, String fingerprint, boolean machineListings) {
            this.client = client;
            this.fingerprint = fingerprint;
            this.machineListings = machineListings;
        }

        void requireBasePath() throws PullException {
            if (site.basePath().isEmpty()) {
                return;
            }
            try {
                if (!client.changeWorkingDirectory(site.basePath())) {
                    throw new PullException(PullFailure.NOT_FOUND, "The base path " + site.basePath() + " on "
                            + site.describe() + " does not exist or may not be opened by '" + site.username() + "' ("
                            + reply(client) + ").");
                }
            } catch (IOException e) {
                throw lost(e, "opening the base path " + site.basePath());
            }
        }

        @Override
        public List<RemoteFile> list(String folder) throws PullException {
            FTPFile[] entries;
            try {
                // no argument lists the working folder, which is the base path
                String path = folder.isEmpty() ? null : folder;
                entries = machineListings ? client.mlistDir(path) : client.listFiles(path);
            } catch (IOException e) {
                throw lost(e, "listing " + describe(folder));
            }
            if (client.getReplyCode() == FILE_UNAVAILABLE && !folder.isEmpty()) {
                return List.of();
            }
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new PullException(PullFailure.PERMISSION_DENIED, "The FTP server " + server() + " refused to "
                        + "list " + describe(folder) + " (" + reply(client) + ").");
            }
            List<RemoteFile> files = new ArrayList<>();
            for (FTPFile entry : entries) {
                if (entry != null && entry.isFile()) {
                    Instant modified = entry.getTimestamp() == null ? null : entry.getTimestamp().toInstant();
                    files.add(new RemoteFile(RemoteFile.join(folder, entry.getName()), entry.getSize(), modified));
                }
            }
            return files;
        }

        @Override
        public void fetch(RemoteFile file, long offset, OutputStream target) throws PullException, IOException {
            InputStream in;
            try {
                client.setRestartOffset(offset);
                in = client.retrieveFileStream(file.path());
            } catch (IOException e) {
                throw lost(e, "starting the download of " + describe(file.path()));
            }
            if (in == null) {
                PullFailure failure = client.getReplyCode() == FILE_UNAVAILABLE
                        ? reply(client).toLowerCase(Locale.ROOT).contains("permission") ? PullFailure.PERMISSION_DENIED
                        : PullFailure.NOT_FOUND : PullFailure.CONNECTION_LOST;
                throw new PullException(failure, "The FTP server " + server() + " refused to send "
                        + describe(file.path()) + " (" + reply(client) + ").");
            }
            try (in) {
                RemoteReads.copy(in, target, describe(file.path()));
            }
            try {
                if (!client.completePendingCommand()) {
                    throw new PullException(PullFailure.CONNECTION_LOST, "The FTP server " + server()
                            + " did not confirm the download of " + describe(file.path()) + " (" + reply(client)
                            + ").");
                }
            } catch (IOException e) {
                throw lost(e, "finishing the download of " + describe(file.path()));
            }
        }

        @Override
        public Optional<String> serverFingerprint() {
            return Optional.ofNullable(fingerprint);
        }

        @Override
        public void close() {
            try {
                if (client.isConnected()) {
                    client.logout();
                }
            } catch (IOException e) {
                // logging out is a courtesy; the connection is closed next either way
            }
            disconnect(client);
        }

        private String describe(String relative) {
            String base = site.basePath();
            String path = base.isEmpty() ? relative : relative.isEmpty() ? base : base + "/" + relative;
            return path.isEmpty() ? "the login folder" : path;
        }

        private PullException lost(IOException e, String action) {
            String why = e instanceof FTPConnectionClosedException ? "the server closed the connection"
                    : e.getMessage();
            return new PullException(PullFailure.CONNECTION_LOST, "The FTP connection to " + server() + " broke while "
                    + action + ": " + why + ".", e);
        }
    }

    /** Trusts the certificate whose fingerprint is pinned, or the first one it sees when none is. */
    private record PinnedCertificate(PinnedFingerprint pin) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String presented = fingerprint(chain[0]);
            if (!pin.accepts(presented)) {
                throw new CertificateException("certificate " + presented + " is not the pinned one");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a pull connector is never a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        /** As {@code openssl x509 -fingerprint -sha256} prints it, after a {@code SHA256:} tag. */
        static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }
}
