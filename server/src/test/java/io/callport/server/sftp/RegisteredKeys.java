package io.callport.server.sftp;

import java.util.concurrent.ConcurrentHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** A small real {@link SftpAccounts}: keys registered from OpenSSH .pub files, as the ssh-keys route will do. */
final class RegisteredKeys implements SftpAccounts {
    private record Registration(PublicKey key, SftpAccount account) {
    }

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    void register(Path publicKeyFile, SftpAccount account) throws IOException, GeneralSecurityException {
        PublicKey key = PublicKeyEntry.parsePublicKeyEntry(Files.readString(publicKeyFile).strip())
                .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        registrations.add(new Registration(key, account));
    }

    void allowPassword(String username, String password) {
        passwords.put(username, password);
    }

    @Override
    public Optional<SftpAccount> authenticate(String username, PublicKey key) {
        return registrations.stream()
                .filter(r -> r.account().username().equals(username) && KeyUtils.compareKeys(r.key(), key))
                .map(Registration::account)
                .findFirst();
    }

    @Override
    public Optional<SftpAccount> authenticatePassword(String username, String password) {
        if (!password.equals(passwords.get(username))) {
            return Optional.empty();
        }
        return registrations.stream().map(Registration::account).filter(a -> a.username().equals(username))
                .findFirst();
    }
}
