package io.callport.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;

/**
 * Apache FtpServer on a loopback port serving a folder to one account, plain or with explicit TLS from a keystore;
 * downloads of files whose name contains {@value #FORBIDDEN} are refused with 550 as a server without read
 * permission would. It remembers which data-connection commands its clients sent, to tell passive from active mode.
 */
public final class FtpTestServer implements AutoCloseable {
    public static final String USER = "recorder";
    public static final String PASSWORD = "ftp-pass";
    public static final String FORBIDDEN = "forbidden";
    public static final String KEYSTORE_PASSWORD = "keystore-pass";
    /** The commands that open a data connection: the server's port (passive) or the client's (active). */
    private static final Set<String> DATA_CONNECTION_COMMANDS = Set.of("PASV", "EPSV", "PORT", "EPRT");

    private final FtpServer server;
    private final int port;
    private final Set<String> dataConnectionCommands = ConcurrentHashMap.newKeySet();

    /** @param keystore a PKCS12 keystore for explicit TLS, or null for plain FTP */
    public FtpTestServer(Path root, Path keystore) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        if (keystore != null) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keystore.toFile());
            ssl.setKeystorePassword(KEYSTORE_PASSWORD);
            ssl.setKeystoreType("PKCS12");
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(false);
        }
        factory.addListener("default", listener.createListener());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(root.toString());
        users.save(user);
        factory.setUserManager(users);
        // the server clears this map on stop, so it must be mutable
        factory.setFtplets(new HashMap<>(Map.of("refuse", new DefaultFtplet() {
            @Override
            public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException,
                    IOException {
                String command = request.getCommand().toUpperCase(Locale.ROOT);
                if (DATA_CONNECTION_COMMANDS.contains(command)) {
                    dataConnectionCommands.add(command);
                }
                return super.beforeCommand(session, request);
            }

            @Override
            public FtpletResult onDownloadStart(FtpSession session, FtpRequest request) throws FtpException,
                    IOException {
                if (request.getArgument().contains(FORBIDDEN)) {
                    session.write(new DefaultFtpReply(550, "Permission denied."));
                    return FtpletResult.SKIP;
                }
                return FtpletResult.DEFAULT;
            }
        })));
        server = factory.createServer();
        server.start();
        port = ((DefaultFtpServer) server).getListener("default").getPort();
    }

    public int port() {
        return port;
    }

    /** Which of PASV, EPSV (passive) and PORT, EPRT (active) clients have sent so far. */
    public Set<String> dataConnectionCommands() {
        return Set.copyOf(dataConnectionCommands);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Makes a PKCS12 keystore with a fresh self-signed certificate for 127.0.0.1, using the JDK's keytool. */
    public static Path newKeystore(Path folder, String name) throws IOException, InterruptedException {
        Path keystore = folder.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", name,
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", KEYSTORE_PASSWORD,
                "-keypass", KEYSTORE_PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return keystore;
    }
}
