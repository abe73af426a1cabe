package io.callport.service.credentials;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets in the macOS Keychain as generic passwords of the service {@code callport-uploader}, through the
 * {@code security} tool. The secret is written in its interactive mode on standard input, so it never appears in
 * the list of running processes.
 */
public final class KeychainCredentialStore implements CredentialStore {
    private static final String TOOL = "/usr/bin/security";
    private static final String SERVICE = "callport-uploader";
    /** security's status when the item does not exist (errSecItemNotFound). */
    private static final int NOT_FOUND = 44;

    @Override
    public String description() {
        return "the macOS Keychain";
    }

    @Override
    public void put(String account, String secret) throws IOException {
        String command = "add-generic-password -U -s " + quoted(SERVICE) + " -a " + quoted(account)
                + " -l " + quoted("Callport Uploader: " + account) + " -w " + quoted(secret) + "\n";
        Commands.Result result = Commands.run(List.of(TOOL, "-i"), Map.of(), command);
        if (result.exitStatus() != 0 || !result.errors().isBlank()) {
            throw failure("store", result);
        }
    }

    @Override
    public Optional<String> get(String account) throws IOException {
        Commands.Result result = Commands.run(List.of(TOOL, "find-generic-password", "-s", SERVICE, "-a", account,
                "-w"), Map.of(), null);
        if (result.exitStatus() == NOT_FOUND) {
            return Optional.empty();
        }
        if (result.exitStatus() != 0) {
            throw failure("read", result);
        }
        return Optional.of(result.output().stripTrailing());
    }

    @Override
    public void delete(String account) throws IOException {
        Commands.Result result = Commands.run(List.of(TOOL, "delete-generic-password", "-s", SERVICE, "-a", account),
                Map.of(), null);
        if (result.exitStatus() != 0 && result.exitStatus() != NOT_FOUND) {
            throw failure("remove", result);
        }
    }

    /** A word of security's interactive mode: double quotes around text that holds neither quotes nor backslashes. */
    private static String quoted(String text) throws IOException {
        if (text.contains("\"") || text.contains("\\") || text.contains("\n")) {
            throw new IOException("The Keychain cannot take a name or key with quotes, backslashes or line breaks.");
        }
        return "\"" + text + "\"";
    }

    private static IOException failure(String action, Commands.Result result) {
        return new IOException("The Keychain could not " + action + " the API key: "
                + (result.errors().isBlank() ? "security ended with status " + result.exitStatus()
                : result.errors().strip()));
    }
}
