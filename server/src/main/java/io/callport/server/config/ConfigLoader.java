package io.callport.server.config;

import io.callport.server.storage.BlobStoreSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns the command line, the environment and an optional properties file into a {@link LaunchCommand}.
 * Each setting is taken from the first place that has it: flag, then environment, then file, then default.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static LaunchCommand load(List<String> args, Map<String, String> env) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new LaunchCommand.ShowHelp();
            }
            if (arg.equals("--version")) {
                return new LaunchCommand.ShowVersion();
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            Setting setting = settingForFlag(name);
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ConfigException(name + " needs a value (" + setting.valueName() + ").");
                }
                value = args.get(++i);
            }
            flags.put(setting, value);
        }
        return new LaunchCommand.Run(resolve(flags, env));
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: java -jar callport-server.jar [options]

                Starts the Callport server: HTTP API, SFTP server and ingestion, on embedded defaults.
                Each option can also be given as an environment variable or a key of the --config file;
                a flag wins over the environment, which wins over the file.

                """);
        for (Setting setting : Setting.values()) {
            String left = setting.flag() + " " + setting.valueName();
            text.append(String.format("  %-24s %s%n", left, setting.description()));
            text.append(String.format("  %-24s env %s%s%n", "", setting.envName(),
                    setting.defaultValue().map(d -> ", default " + d).orElse("")));
        }
        text.append(String.format("  %-24s %s%n", "--version", "Print the version and exit."));
        text.append(String.format("  %-24s %s%n", "--help", "Print this help and exit."));
        return text.toString();
    }

    private static Setting settingForFlag(String flag) {
        if (!flag.startsWith("--")) {
            throw new ConfigException("Unexpected argument '" + flag + "'. Options start with --; see --help.");
        }
        return Setting.byKey(flag.substring(2))
                .orElseThrow(() -> new ConfigException("Unknown option '" + flag + "'. See --help for the options."));
    }

    private static ServerConfig resolve(Map<Setting, String> flags, Map<String, String> env) {
        String configFile = flags.getOrDefault(Setting.CONFIG, env.get(Setting.CONFIG.envName()));
        Properties file = configFile == null ? new Properties() : readConfigFile(Path.of(configFile));
        Sources sources = new Sources(flags, env, file);

        Path dataDir = Path.of(sources.value(Setting.DATA_DIR)).toAbsolutePath().normalize();
        String dbUrl = sources.value(Setting.DB_URL);
        if (dbUrl == null) {
            dbUrl = ServerConfig.sqliteUrl(dataDir);
        } else if (!JdbcUrls.isSqlite(dbUrl) && !JdbcUrls.isPostgres(dbUrl)) {
            throw new ConfigException("db-url must start with jdbc:sqlite: or jdbc:postgresql:, not '"
                    + JdbcUrls.redact(dbUrl) + "'.");
        }
        BlobStoreSettings blobStore = BlobStoreSettings.from(
                key -> Setting.byKey(key).map(sources::value).orElse(null), dataDir);
        return new ServerConfig(dataDir, sources.port(Setting.HTTP_PORT), sources.port(Setting.SFTP_PORT),
                sources.value(Setting.BIND), dbUrl, sources.value(Setting.DB_USER),
                sources.value(Setting.DB_PASSWORD), blobStore, sources.value(Setting.CREDENTIAL_KEY));
    }

    private static Properties readConfigFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("The config file " + path.toAbsolutePath() + " does not exist.");
        } catch (IOException e) {
            throw new ConfigException("The config file " + path.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (Setting.byKey(key).filter(s -> s != Setting.CONFIG).isEmpty()) {
                throw new ConfigException("The config file " + path.toAbsolutePath() + " has an unknown key '" + key
                        + "'. Known keys are the option names without --, e.g. data-dir, http-port.");
            }
        }
        return properties;
    }

    private record Sources(Map<Setting, String> flags, Map<String, String> env, Properties file) {
        /** The setting's value from the first source that has it, or its default (null when it has none). */
        String value(Setting setting) {
            String value = flags.get(setting);
            if (value == null) {
                value = env.get(setting.envName());
            }
            if (value == null) {
                value = file.getProperty(setting.key());
            }
            if (value == null || value.isBlank()) {
                return setting.defaultValue().orElse(null);
            }
            return value.strip();
        }

        int port(Setting setting) {
            String value = value(setting);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(setting.key() + " must be a port number, not '" + value + "'.");
            }
        }
    }
}
