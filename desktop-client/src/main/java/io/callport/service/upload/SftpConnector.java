package io.callport.service.upload;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import io.callport.service.api.SftpAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * Logs in to a Callport server's SFTP with a private key (JSch). The server's host key is remembered on first use in
 * the Uploader's own known_hosts and checked on every later login. AES-GCM is asked for first, which both JSch and
 * the server run fastest.
 */
public final class SftpConnector {
    private static final String CIPHERS = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes256-ctr";
    private static final int TIMEOUT_MILLIS = 15_000;
    private static final int KEEPALIVE_MILLIS = 30_000;

    /**
     * Sockets without Nagle's delay and with room for a window of writes in flight: SFTP answers every write, and
     * JSch's own sockets wait on those small answers.
     */
    private static final SocketFactory FAST_SOCKETS = new SocketFactory() {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSendBufferSize(SOCKET_BUFFER_BYTES);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    };
    private static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    private final SftpAccess account;
    private final Path privateKey;
    private final Path knownHosts;
    private final int bulkRequests;

    /**
     * @param knownHosts   the file the server's host key is remembered in
     * @param bulkRequests how many write requests a channel keeps in flight
     */
    public SftpConnector(SftpAccess account, Path privateKey, Path knownHosts, int bulkRequests) {
        this.account = account;
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
        this.bulkRequests = bulkRequests;
    }

    public SftpAccess account() {
        return account;
    }

    /** A logged-in session; a refused key is a {@link TransferRefusedException}. */
    Session connect() throws IOException {
        try {
            JSch jsch = new JSch();
            Files.createDirectories(knownHosts.toAbsolutePath().getParent());
            if (!Files.exists(knownHosts)) {
                Files.createFile(knownHosts);
            }
            jsch.setKnownHosts(knownHosts.toString());
            jsch.setHostKeyRepository(new TrustOnFirstUse(jsch.getHostKeyRepository()));
            jsch.addIdentity(privateKey.toString());
            Session session = jsch.getSession(account.username(), account.host(), account.port());
            session.setSocketFactory(FAST_SOCKETS);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("cipher.c2s", CIPHERS);
            session.setConfig("cipher.s2c", CIPHERS);
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval(KEEPALIVE_MILLIS);
            session.connect(TIMEOUT_MILLIS);
            return session;
        } catch (JSchException e) {
            throw describe(e);
        }
    }

    /** An SFTP channel on the session. */
    ChannelSftp open(Session session) throws IOException {
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.setBulkRequests(bulkRequests);
            channel.connect(TIMEOUT_MILLIS);
            return channel;
        } catch (JSchException e) {
            throw describe(e);
        }
    }

    /** Logs in, lists the account's top folder, and logs out: what "Test connection" shows. */
    public List<String> test() throws IOException {
        Session session = connect();
        try {
            ChannelSftp channel = open(session);
            try {
                List<String> names = new ArrayList<>();
                Vector<ChannelSftp.LsEntry> entries = channel.ls(".");
                for (ChannelSftp.LsEntry entry : entries) {
                    if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                        names.add(entry.getFilename());
                    }
                }
                return names.stream().sorted().toList();
            } catch (com.jcraft.jsch.SftpException e) {
                throw new IOException("The SFTP folder could not be listed: " + e.getMessage(), e);
            } finally {
                channel.disconnect();
            }
        } finally {
            session.disconnect();
        }
    }

    private IOException describe(JSchException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Auth fail") || message.contains("USERAUTH fail")) {
            return new TransferRefusedException("The SFTP server did not accept the key " + privateKey.getFileName()
                    + " for " + account.username() + "; register it again on the Keys screen.", e);
        }
        if (message.contains("HostKey has been changed") || message.contains("reject HostKey")) {
            return new TransferRefusedException("The SFTP server at " + account.host() + " shows another host key "
                    + "than before. If your administrator changed it, remove its line from " + knownHosts
                    + "; otherwise someone may be listening in.", e);
        }
        if (message.contains("invalid privatekey") || message.contains("USERAUTH") && message.contains("passphrase")) {
            return new TransferRefusedException(privateKey.getFileName() + " cannot be used: " + message, e);
        }
        return new IOException("Cannot reach the SFTP server at " + account.host() + ":" + account.port() + ": "
                + (message.isEmpty() ? e.toString() : message), e);
    }
}
