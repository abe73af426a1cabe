package io.callport.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callport.service.api.SftpAccess;
import io.callport.service.credentials.CredentialStore;
import io.callport.service.credentials.CredentialStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The server profiles, saved as {@code profiles.json} in the config folder, each profile's API key in a
 * {@link CredentialStore} under the profile's name. The file is rewritten whole through a temporary file, so a
 * crash leaves the old or the new profiles, never half of them.
 */
public final class Profiles {
    public static final String FILE_NAME = "profiles.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path folder;
    private final CredentialStore secrets;

    public Profiles(Path folder, CredentialStore secrets) {
        this.folder = folder.toAbsolutePath();
        this.secrets = secrets;
    }

    /** The person's profiles in their config folder, keys in the computer's credential store. */
    public static Profiles ofUser() {
        return in(ConfigFolder.ofUser());
    }

    /** The profiles in a config folder, keys in the computer's credential store. */
    public static Profiles in(Path folder) {
        return new Profiles(folder, CredentialStores.forThisComputer(folder));
    }

    public Path folder() {
        return folder;
    }

    /** Where the API keys are kept, for people. */
    public String secretsDescription() {
        return secrets.description();
    }

    /** The profiles by name. */
    public synchronized List<Profile> list() throws IOException {
        return read().profiles().stream().map(StoredProfile::toProfile)
                .sorted(Comparator.comparing(Profile::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public synchronized Optional<Profile> find(String name) throws IOException {
        return list().stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /**
     * Adds or replaces the profile of that name.
     *
     * @param apiKey its API key, or null to keep the one stored
     */
    public synchronized void save(Profile profile, String apiKey) throws IOException {
        if (profile.name().isBlank()) {
            throw new IllegalArgumentException("A profile needs a name.");
        }
        if (apiKey != null) {
            secrets.put(profile.name(), apiKey.strip());
        }
        Stored stored = read();
        List<StoredProfile> profiles = new ArrayList<>(stored.profiles());
        profiles.removeIf(existing -> existing.name().equals(profile.name()));
        profiles.add(StoredProfile.of(profile));
        write(new Stored(stored.lastUsed(), profiles));
    }

    /** Removes the profile and forgets its API key. */
    public synchronized void remove(String name) throws IOException {
        Stored stored = read();
        List<StoredProfile> profiles = new ArrayList<>(stored.profiles());
        profiles.removeIf(existing -> existing.name().equals(name));
        write(new Stored(name.equals(stored.lastUsed()) ? null : stored.lastUsed(), profiles));
        secrets.delete(name);
    }

    public Optional<String> apiKey(String name) throws IOException {
        return secrets.get(name);
    }

    /** A client for the profile's server with its stored key. */
    public ServerClient client(Profile profile) throws IOException {
        String key = apiKey(profile.name()).orElseThrow(() -> new IOException("The profile " + profile.name()
                + " has no API key stored in " + secrets.description() + "; enter it again."));
        return new ServerClient(profile.url(), key);
    }

    /** The profile used last, which the Uploader opens with. */
    public synchronized Optional<String> lastUsed() throws IOException {
        return Optional.ofNullable(read().lastUsed());
    }

    public synchronized void markUsed(String name) throws IOException {
        Stored stored = read();
        write(new Stored(name, stored.profiles()));
    }

    private Stored read() throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Stored(null, List.of());
        }
        Stored stored = JSON.readValue(file.toFile(), Stored.class);
        return new Stored(stored.lastUsed(), stored.profiles() == null ? List.of() : stored.profiles());
    }

    private void write(Stored stored) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        Path partial = folder.resolve(FILE_NAME + ".partial");
        JSON.writeValue(partial.toFile(), stored);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's content. */
    private record Stored(String lastUsed, List<StoredProfile> profiles) {
    }

    /** A profile as written: paths as plain text, so the file reads well. */
    private record StoredProfile(String name, String url, String campaignId, String campaignName,
                                 Transport transport, String sshKey, SftpAccess sftp, String watchFolder) {
        static StoredProfile of(Profile p) {
            return new StoredProfile(p.name(), p.url(), p.campaignId(), p.campaignName(), p.transport(),
                    text(p.sshKey()), p.sftp(), text(p.watchFolder()));
        }

        Profile toProfile() {
            return new Profile(name, url, campaignId, campaignName, transport, path(sshKey), sftp, path(watchFolder));
        }

        private static String text(Path path) {
            return path == null ? null : path.toString();
        }

        private static Path path(String text) {
            return text == null ? null : Path.of(text);
        }
    }
}
