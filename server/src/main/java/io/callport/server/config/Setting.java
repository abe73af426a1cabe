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
