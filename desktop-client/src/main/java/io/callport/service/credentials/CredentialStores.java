package io.callport.service.credentials;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Picks the credential store of the computer the Uploader runs on. */
public final class CredentialStores {
    /** The file secrets go to where the computer has no credential store. */
    public static final String FILE_NAME = "credentials.json";
    /** Set to {@code file} to keep keys in the file even where a credential store exists (tests do). */
    public static final String CHOICE_PROPERTY = "callport.keyStore";

    private CredentialStores() {
    }

    /**
     * The Windows Credential Manager, the macOS Keychain, or the desktop's Secret Service where {@code secret-tool}
     * reaches one; otherwise a file in {@code configFolder} that only its owner can read.
     */
    public static CredentialStore forThisComputer(Path configFolder) {
        FileCredentialStore file = new FileCredentialStore(configFolder.resolve(FILE_NAME));
        if ("file".equals(System.getProperty(CHOICE_PROPERTY))) {
            return file;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsCredentialStore();
        }
        if (os.startsWith("mac")) {
            return new KeychainCredentialStore();
        }
        return SecretToolCredentialStore.ifAvailable(Map.of()).orElse(file);
    }
}
