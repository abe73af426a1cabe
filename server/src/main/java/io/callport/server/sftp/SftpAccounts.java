package io.callport.server.sftp;

import java.security.PublicKey;
import java.util.Optional;

/** Looks up who may log in to the SFTP server; implemented over the registered SSH keys. */
public interface SftpAccounts {

    /** The account whose registered key this is, if {@code username} may log in with it. */
    Optional<SftpAccount> authenticate(String username, PublicKey key);

    /** Password logins are off unless an account allows them; the default allows none. */
    default Optional<SftpAccount> authenticatePassword(String username, String password) {
        return Optional.empty();
    }
}
