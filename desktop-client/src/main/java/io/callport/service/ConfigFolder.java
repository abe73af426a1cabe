package io.callport.service;

import java.nio.file.Path;
import java.util.Locale;

/** Where the Uploader keeps its settings, profiles and upload journals for the person using it. */
public final class ConfigFolder {
    /** Overrides the folder, for portable installs and scripts. */
    public static final String ENVIRONMENT = "CALLPORT_CONFIG_DIR";

    private ConfigFolder() {
    }

    /**
     * {@code %APPDATA%\Callport} on Windows, {@code ~/Library/Application Support/Callport} on a Mac,
     * {@code $XDG_CONFIG_HOME/callport} (by default {@code ~/.config/callport}) elsewhere; or {@value #ENVIRONMENT}.
     */
    public static Path ofUser() {
        String chosen = System.getenv(ENVIRONMENT);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("Callport");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Callport");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("callport");
    }
}
