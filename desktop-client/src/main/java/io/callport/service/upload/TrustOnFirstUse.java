package io.callport.service.upload;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

/**
 * Host keys as OpenSSH's {@code StrictHostKeyChecking=accept-new} treats them: a server seen for the first time
 * is remembered in the Uploader's known_hosts; a server whose key later differs is refused, since that is what
 * someone in the middle looks like.
 */
final class TrustOnFirstUse implements HostKeyRepository {
    private final HostKeyRepository known;

    TrustOnFirstUse(HostKeyRepository known) {
        this.known = known;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = known.check(host, key);
        if (result == NOT_INCLUDED) {
            try {
                known.add(new HostKey(host, key), null);
            } catch (com.jcraft.jsch.JSchException e) {
                return NOT_INCLUDED;
            }
            return OK;
        }
        return result;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        known.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
