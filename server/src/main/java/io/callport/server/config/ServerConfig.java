package io.callport.server.config;

import io.callport.server.storage.BlobStoreSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the server needs to start, resolved from flags, environment, config file and defaults.
 *
 * @param dataDir    the folder holding the embedded database, keys and landed files
 * @param httpPort   HTTP port; 0 picks a free one (read it back from the running server)
 * @param sftpPort   SFTP port; 0 picks a free one
 * @param bind       address both listeners bind to
 * @param dbUrl      JDBC URL; {@code jdbc:sqlite:} or {@code jdbc:postgresql:}
 * @param dbUser     database user, or null when the URL carries it or the database needs none
 * @param dbPassword database password, or null; never printed by {@link #toString()}
 * @param blobStore  where recordings are kept
 * @param credentialKey base64 key for the secrets kept in the database (pull connectors' credentials, webhooks'
 *                   secrets), or null for a key file in the data folder;
 *                   never printed by {@link #toString()}
 */
public record ServerConfig(Path dataDir, int httpPort, int sftpPort, String bind, String dbUrl, String dbUser,
                           String dbPassword, BlobStoreSettings blobStore, String credentialKey) {

    /** Where the SFTP server keeps its host key, so clients' known_hosts stay valid across restarts. */
    public static final String SSH_HOST_KEY_FILE = "ssh_host_ed25519_key";
    /** Where the first start writes the owner API key, readable by the owner only. */
    public static final String INITIAL_OWNER_KEY_FILE = "initial-owner-key.txt";
    /** The embedded database's file name inside the data folder. */
    public static final String SQLITE_FILE = "callport.db";

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(blobStore, "blobStore");
        requirePort("http-port", httpPort);
        requirePort("sftp-port", sftpPort);
    }

    /** The embedded defaults for a data folder: loopback, standard ports, SQLite inside the folder. */
    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig(dataDir, 8080, 2222, "127.0.0.1", sqliteUrl(dataDir), null, null,
                BlobStoreSettings.local(dataDir), null);
    }

    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath();
    }

    public Path sshHostKeyPath() {
        return dataDir.resolve(SSH_HOST_KEY_FILE);
    }

    public Path initialOwnerKeyPath() {
        return dataDir.resolve(INITIAL_OWNER_KEY_FILE);
    }

    public ServerConfig withPorts(int newHttpPort, int newSftpPort) {
        return new ServerConfig(dataDir, newHttpPort, newSftpPort, bind, dbUrl, dbUser, dbPassword, blobStore,
                credentialKey);
    }

    public ServerConfig withDatabase(String newDbUrl, String newDbUser, String newDbPassword) {
        return new ServerConfig(dataDir, httpPort, sftpPort, bind, newDbUrl, newDbUser, newDbPassword, blobStore,
                credentialKey);
    }

    public ServerConfig withBlobStore(BlobStoreSettings newBlobStore) {
        return new ServerConfig(dataDir, httpPort, sftpPort, bind, dbUrl, dbUser, dbPassword, newBlobStore,
                credentialKey);
    }

    @Override
    public String toString() {
        return "ServerConfig[dataDir=" + dataDir + ", httpPort=" + httpPort + ", sftpPort=" + sftpPort
                + ", bind=" + bind + ", dbUrl=" + JdbcUrls.redact(dbUrl) + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "none" : "(set)") + ", blobStore=" + blobStore.kind()
                + ", credentialKey=" + (credentialKey == null ? "key file" : "(set)") + "]";
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(name + " must be between 0 and 65535, not " + port + ".");
        }
    }
}
