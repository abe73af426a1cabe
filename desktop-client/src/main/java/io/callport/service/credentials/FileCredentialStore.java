package io.callport.service.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.service.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secrets in one JSON file readable by its owner only, for computers without a credential store. Every change
 * rewrites the file whole through an owner-only temporary file.
 */
public final class FileCredentialStore implements CredentialStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FileCredentialStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public String description() {
        return "a file only you can read (" + file + ")";
    }

    @Override
    public synchronized void put(String account, String secret) throws IOException {
        Map<String, String> secrets = read();
        secrets.put(account, secret);
        write(secrets);
    }

    @Override
    public synchronized Optional<String> get(String account) throws IOException {
        return Optional.ofNullable(read().get(account));
    }

    @Override
    public synchronized void delete(String account) throws IOException {
        Map<String, String> secrets = read();
        if (secrets.remove(account) != null) {
            write(secrets);
        }
    }

    private Map<String, String> read() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
    }

    private void write(Map<String, String> secrets) throws IOException {
        Files.createDirectories(file.getParent());
        PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(secrets));
    }
}
