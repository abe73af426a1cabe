package io.callport.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One server setting: its flag and config-file key, its environment variable, and its default. */
public enum Setting {
    DATA_DIR("data-dir", "DIR", "Folder for the embedded database, keys and received files.", "./callport-data"),
    HTTP_PORT("http-port", "PORT", "HTTP port; 0 picks a free port.", "8080"),
    SFTP_PORT("sftp-port", "PORT", "SFTP port; 0 picks a free port.", "2222"),
    BIND("bind", "ADDRESS", "Address the HTTP and SFTP listeners bind to.", "127.0.0.1"),
    DB_URL("db-url", "JDBC_URL", "Database; default SQLite in the data folder, jdbc:postgresql://... selects PostgreSQL.",
            null),
    DB_USER("db-user", "USER", "Database user, when not in the URL.", null),
    DB_PASSWORD("db-password", "PASSWORD", "Database password, when not in the URL.", null),
    BLOB_STORE("blob-store", "local|s3", "Where recordings are kept: a folder in the data folder, or an S3 bucket.",
            "local"),
    S3_BUCKET("s3-bucket", "BUCKET", "The bucket for recordings, with blob-store s3.", null),
    S3_ENDPOINT("s3-endpoint", "URL", "An S3-compatible endpoint (MinIO, Ceph...); AWS when absent.", null),
    S3_REGION("s3-region", "REGION", "The bucket's region.", null),
    S3_ACCESS_KEY("s3-access-key", "KEY", "S3 access key; the default AWS credential chain when absent.", null),
    S3_SECRET_KEY("s3-secret-key", "SECRET", "S3 secret key.", null),
    CREDENTIAL_KEY("credential-key", "BASE64", "Key that encrypts pull connectors' credentials and webhooks' secrets"
            + " at rest; a key file in the data folder when absent.", null),
    CONFIG("config", "FILE", "Properties file with the keys above (data-dir=..., http-port=...).", null);

    private final String key;
    private final String valueName;
    private final String description;
    private final String defaultValue;

    Setting(String key, String valueName, String description, String defaultValue) {
        this.key = key;
        this.valueName = valueName;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    /** The config-file key; the flag is {@code --} followed by it. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String envName() {
        return "CALLPORT_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String valueName() {
        return valueName;
    }

    public String description() {
        return description;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
