package io.callport.server.sftp;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.AccessDeniedException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks logins against {@link SftpAccounts}, refuses addresses that failed too often, and remembers which account
 * a session proved. A public key is offered before it is proven (the client signs afterwards), so the account is
 * looked up only from the key MINA records as authenticated.
 */
final class AccountAuthenticator implements PublickeyAuthenticator, PasswordAuthenticator {
    private static final AttributeKey<Map<String, SftpAccount>> ACCOUNTS_BY_KEY = new AttributeKey<>();
    private static final AttributeKey<SftpAccount> PASSWORD_ACCOUNT = new AttributeKey<>();
    private static final Logger LOG = LoggerFactory.getLogger(AccountAuthenticator.class);

    private final SftpAccounts accounts;
    private final LoginThrottle throttle;

    AccountAuthenticator(SftpAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        return check(username, "key", session, () -> accounts.authenticate(username, key))
                .map(account -> {
                    session.computeAttributeIfAbsent(ACCOUNTS_BY_KEY, k -> new ConcurrentHashMap<>())
                            .put(KeyUtils.getFingerPrint(key), account);
                    return true;
                })
                .orElse(false);
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        return check(username, "password", session, () -> accounts.authenticatePassword(username, password))
                .map(account -> {
                    session.setAttribute(PASSWORD_ACCOUNT, account);
                    return true;
                })
                .orElse(false);
    }

    /** The account the session logged in as. */
    static SftpAccount accountOf(ServerSession session) throws AccessDeniedException {
        SftpAccount byPassword = session.getAttribute(PASSWORD_ACCOUNT);
        if (byPassword != null) {
            return byPassword;
        }
        List<PublicKey> proven = session.getAttribute(UserAuthPublicKey.AUTHENTICATED_KEYS);
        Map<String, SftpAccount> byKey = session.getAttribute(ACCOUNTS_BY_KEY);
        if (proven == null || proven.isEmpty() || byKey == null) {
            throw new AccessDeniedException(null, null, "This session has not logged in.");
        }
        SftpAccount account = byKey.get(KeyUtils.getFingerPrint(proven.getLast()));
        if (account == null) {
            throw new AccessDeniedException(null, null, "This session has not logged in.");
        }
        return account;
    }

    private Optional<SftpAccount> check(String username, String method, ServerSession session,
                                        Supplier<Optional<SftpAccount>> lookup) {
        String address = addressOf(session.getClientAddress());
        if (throttle.isLocked(address)) {
            LOG.warn("SFTP login by {} from {} refused: too many failed logins from that address", username, address);
            return Optional.empty();
        }
        Optional<SftpAccount> account = lookup.get();
        if (account.isEmpty()) {
            throttle.failed(address);
            LOG.info("SFTP login by {} from {} refused: unknown {}", username, address, method);
        }
        return account;
    }

    private static String addressOf(SocketAddress client) {
        return client instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(client);
    }
}
