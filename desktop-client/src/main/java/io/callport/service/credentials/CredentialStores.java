package io.callport.service.credentials;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Picks the credential store of the computer the Uploader runs on. */
public final class CredentialStores {
    /** The file secrets go to where the computer has no credential store. */
    public static final String FILE_NAME = "credentials.json";

    private CredentialStores() {
    }

    /**
     * The Windows Credential Manager, the macOS Keychain, or the desktop's Secret Service where {@code secret-tool}
     * reaches one; otherwise a file in {@code configFolder} that only its owner can read.
     */
    public static CredentialStore forThisComputer(Path configFolder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsCredentialStore();
        }
        if (os.startsWith("mac")) {
            return new KeychainCredentialStore();
        }
        return SecretToolCredentialStore.ifAvailable(Map.of())
                .orElseGet(() -> new FileCredentialStore(configFolder.resolve(FILE_NAME)));
    }
}
