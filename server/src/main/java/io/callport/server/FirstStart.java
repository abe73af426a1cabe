package io.callport.server;

import io.callport.server.auth.ApiKeySecrets;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.Role;
import io.callport.server.store.Organisation;
import io.callport.server.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a new server usable: when no API key exists yet, it makes sure there is an organisation and gives it an
 * owner key, written to {@code initial-owner-key.txt} readable by the owner only. The key file is written before the
 * key is stored, so a crash in between only means the next start makes a new key and overwrites the file.
 */
final class FirstStart {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
    static final String ORGANISATION_NAME = "Default";
    static final String KEY_NAME = "initial owner key";

    private FirstStart() {
    }

    /** The new owner key's secret on a first start; empty when the server already has keys. */
    static Optional<String> run(Store store, ApiKeyService keys, Path keyFile) {
        if (!store.apiKeys().noneExist()) {
            return Optional.empty();
        }
        String secret = ApiKeySecrets.generate();
        writeOwnerOnly(keyFile, secret + System.lineSeparator());
        Organisation organisation = store.organisations().list().stream().findFirst()
                .orElseGet(() -> store.organisations().create(ORGANISATION_NAME));
        keys.register(organisation.id(), null, KEY_NAME, Role.OWNER, secret);
        LOG.atInfo().addKeyValue("organisation", organisation.id()).addKeyValue("keyFile", keyFile)
                .log("first start: organisation and owner API key created");
        return Optional.of(secret);
    }

    /** Writes through a temporary file created with owner-only permissions, so the secret is never world-readable. */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Path temporary = Files.createTempFile(file.getParent(), ".initial-owner-key", ".tmp", ownerOnly);
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial owner key to " + file + ": " + e.getMessage(), e);
        }
    }
}
