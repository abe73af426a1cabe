package io.callport.server.sftp;

import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SFTP server (Apache MINA SSHD): public-key logins against {@link SftpAccounts}, each confined to
 * its account's folder in the {@link LandingArea}, every completed file announced to the {@link LandingListener}.
 * SFTP only: no shell, no commands, no forwarding.
 */
public final class CallportSftpServer implements AutoCloseable {
    /**
     * AES-GCM first, AES-CTR for older clients, and no chacha20-poly1305: MINA's costs several times the CPU of AES
     * (which the JVM runs on AES-NI), and OpenSSH clients would pick it first if it were offered.
     */
    private static final List<BuiltinCiphers> CIPHER_PREFERENCE = List.of(BuiltinCiphers.aes128gcm,
            BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr, BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr);
    private static final int MAX_AUTH_REQUESTS = 10;
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(CallportSftpServer.class);

    private final SftpSettings settings;
    private final SftpAccounts accounts;
    private final LandingArea landing;
    private final LandingListener listener;
    private SshServer sshd;

    public CallportSftpServer(SftpSettings settings, SftpAccounts accounts, LandingArea landing,
                              LandingListener listener) {
        this.settings = settings;
        this.accounts = accounts;
        this.landing = landing;
        this.listener = listener;
    }

    public synchronized void start() throws IOException {
        if (sshd != null) {
            throw new IllegalStateException("The SFTP server is already running");
        }
        HostKey hostKey = HostKey.loadOrCreate(settings.hostKeyFile());
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(settings.bindAddress());
        server.setPort(settings.port());
        server.setKeyPairProvider(hostKey.provider());
        server.setCipherFactories(preferredCiphers());
        List<NamedFactory<Mac>> macs = new ArrayList<>(UmacSshMac.FACTORIES);
        macs.addAll(server.getMacFactories());
        server.setMacFactories(macs);

        AccountAuthenticator authenticator = new AccountAuthenticator(accounts,
                new LoginThrottle(settings.maxLoginFailures(), settings.loginFailureWindow(), Clock.systemUTC()));
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        server.setPublickeyAuthenticator(authenticator);
        server.setPasswordAuthenticator(authenticator);
        server.setKeyboardInteractiveAuthenticator(null);

        server.setFileSystemFactory(new AccountFileSystemFactory(landing));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new LandingFileSystemAccessor(landing, listener))
                .withSftpErrorStatusDataHandler(new RefusalStatus())
                .build();
        sftp.addSftpEventListener(new DroppedConnectionListener());
        server.setSubsystemFactories(List.of(sftp));
        server.setShellFactory(null);
        server.setCommandFactory(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);

        // Without TCP_NODELAY, uploads from JSch run about ten times slower (measured).
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, settings.idleTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(server, AUTH_TIMEOUT);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, MAX_AUTH_REQUESTS);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "Callport");
        server.start();
        sshd = server;
        LOG.info("SFTP server listening on {}:{}, host key {}", settings.bindAddress(), port(),
                hostKey.fingerprint());
    }

    /** The port it listens on, useful when the settings asked for port 0. */
    public synchronized int port() {
        if (sshd == null) {
            throw new IllegalStateException("The SFTP server is not running");
        }
        return sshd.getPort();
    }

    /** Stops listening and closes every session; uploads cut off this way are discarded, never landed. */
    public synchronized void stop() throws IOException {
        if (sshd != null) {
            sshd.stop(true);
            sshd = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private static List<NamedFactory<Cipher>> preferredCiphers() {
        return CIPHER_PREFERENCE.stream().filter(BuiltinCiphers::isSupported)
                .flatMap(cipher -> Stream.<NamedFactory<Cipher>>of(cipher)).toList();
    }
}
