package io.callport.service.credentials;

import java.io.IOException;
import java.util.Optional;

/** Where the Uploader keeps secrets (API keys), each under an account name, out of its plain settings files. */
public interface CredentialStore {

    /** What the store is, for people: "the macOS Keychain", "a file only you can read (…)". */
    String description();

    /** Stores the secret, replacing the account's previous one. */
    void put(String account, String secret) throws IOException;

    Optional<String> get(String account) throws IOException;

    /** Forgets the account's secret; nothing happens when there is none. */
    void delete(String account) throws IOException;
}
