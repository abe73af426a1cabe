package io.callport.service.credentials;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets in the desktop's Secret Service (GNOME Keyring, KWallet) through libsecret's {@code secret-tool}: each
 * under the attributes {@code service=callport-uploader account=<account>}, the secret passed on standard input.
 */
public final class SecretToolCredentialStore implements CredentialStore {
    static final String TOOL = "secret-tool";
    private static final String SERVICE = "callport-uploader";
    private static final String PROBE_ACCOUNT = "callport-probe";

    private final Map<String, String> environment;

    /** @param environment added to the tool's environment, such as the D-Bus session address; usually empty */
    public SecretToolCredentialStore(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The store when {@code secret-tool} is installed and a Secret Service answers it. */
    public static Optional<CredentialStore> ifAvailable(Map<String, String> environment) {
        if (!Commands.onPath(TOOL)) {
            return Optional.empty();
        }
        SecretToolCredentialStore store = new SecretToolCredentialStore(environment);
        try {
            store.get(PROBE_ACCOUNT);
            return Optional.of(store);
        } catch (IOException noSecretService) {
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return "the desktop's keyring (Secret Service)";
    }

    @Override
    public void put(String account, String secret) throws IOException {
        Commands.Result result = Commands.run(List.of(TOOL, "store", "--label=Callport Uploader: " + account,
                "service", SERVICE, "account", account), environment, secret);
        if (result.exitStatus() != 0) {
            throw failure("store", result);
        }
    }

    @Override
    public Optional<String> get(String account) throws IOException {
        Commands.Result result = Commands.run(List.of(TOOL, "lookup", "service", SERVICE, "account", account),
                environment, null);
        if (result.exitStatus() == 0) {
            return Optional.of(result.output());
        }
        // "not found" is an exit status of 1 with nothing said; a keyring that cannot be reached says why
        if (result.exitStatus() == 1 && result.errors().isBlank()) {
            return Optional.empty();
        }
        throw failure("read", result);
    }

    @Override
    public void delete(String account) throws IOException {
        Commands.Result result = Commands.run(List.of(TOOL, "clear", "service", SERVICE, "account", account),
                environment, null);
        if (result.exitStatus() != 0 && !result.errors().isBlank()) {
            throw failure("remove", result);
        }
    }

    private static IOException failure(String action, Commands.Result result) {
        return new IOException("The keyring could not " + action + " the API key: "
                + (result.errors().isBlank() ? "secret-tool ended with status " + result.exitStatus()
                : result.errors().strip()));
    }
}
