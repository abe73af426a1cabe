package io.callport.server.sftp;

import java.util.Arrays;
import java.util.List;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.mac.Mac;

/**
 * UMAC-64 as an SSH MAC, the way OpenSSH defines {@code umac-64@openssh.com} and its encrypt-then-MAC form: the
 * packet's sequence number is the nonce (not hashed, unlike HMAC's), the first 16 bytes of the derived key are the
 * key. OpenSSH clients list it first, so offering it spares both sides HMAC-SHA-256 on every byte.
 */
final class UmacSshMac implements Mac {
    /** The factories, encrypt-then-MAC first as OpenSSH orders them. */
    static final List<NamedFactory<Mac>> FACTORIES = List.of(factory("umac-64-etm@openssh.com", true),
            factory("umac-64@openssh.com", false));

    private final String name;
    private final boolean encryptThenMac;
    private Umac64 umac;
    private long sequenceNumber;

    private UmacSshMac(String name, boolean encryptThenMac) {
        this.name = name;
        this.encryptThenMac = encryptThenMac;
    }

    private static NamedFactory<Mac> factory(String name, boolean encryptThenMac) {
        return new NamedFactory<>() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Mac create() {
                return new UmacSshMac(name, encryptThenMac);
            }
        };
    }

    @Override
    public void init(byte[] key) {
        umac = new Umac64(Arrays.copyOf(key, Umac64.KEY_BYTES));
    }

    /** The session hands each packet's sequence number over first: UMAC takes it as the nonce. */
    @Override
    public void updateUInt(long value) {
        sequenceNumber = value;
    }

    @Override
    public void update(byte[] buffer, int offset, int length) {
        umac.update(buffer, offset, length);
    }

    @Override
    public void doFinal(byte[] buffer, int offset) {
        umac.finish(sequenceNumber, buffer, offset);
    }

    @Override
    public String getAlgorithm() {
        return name;
    }

    /** The tag's length, which is also how much key MINA derives at least (the key takes the first 16 bytes). */
    @Override
    public int getBlockSize() {
        return Umac64.TAG_BYTES;
    }

    @Override
    public int getDefaultBlockSize() {
        return Umac64.KEY_BYTES;
    }

    @Override
    public boolean isEncryptThenMac() {
        return encryptThenMac;
    }
}
