package io.callport.server.pull;

import io.callport.server.auth.SshPublicKeys;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.attribute.FileAttribute;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * Apache MINA SSHD's SFTP server on a loopback port, serving a folder to one password (or public key) account. Tests
 * can swap its host key, refuse files whose name contains {@value #FORBIDDEN}, and cut every connection once a
 * number of bytes has been read. Public for the tests that drive connectors through the server's API.
 */
public final class SftpTestServer implements AutoCloseable {
    public static final String USER = "recorder";
    public static final String PASSWORD = "s3cret-pass";
    static final String FORBIDDEN = "forbidden";

    private final SshServer server;
    private final AtomicReference<KeyPair> hostKey = new AtomicReference<>();
    private final AtomicLong cutAfterBytes = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong bytesRead = new AtomicLong();
    /** The offset of the first read of each file opened, most recent last; shows where a resumed fetch started. */
    private final List<Long> firstReadOffsets = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SftpTestServer(Path root, PublicKey acceptedKey) throws IOException {
        hostKey.set(newHostKey());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.setKeyPairProvider(session -> List.of(hostKey.get()));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && acceptedKey != null
                && KeyUtils.compareKeys(acceptedKey, key));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().withFileSystemAccessor(new RefusingAccessor())
                .build();
        sftp.addSftpEventListener(new CuttingListener());
        server.setSubsystemFactories(List.of(sftp));
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint as clients pin it. */
    public String hostKeyFingerprint() {
        ByteArrayBuffer blob = new ByteArrayBuffer();
        blob.putRawPublicKey(hostKey.get().getPublic());
        return SshPublicKeys.fingerprint(blob.getCompactData());
    }

    /** Gives the server a new host key, as a reinstalled or impersonated server would have. */
    public void replaceHostKey() {
        hostKey.set(newHostKey());
    }

    /** Drops every connection once this many more file bytes have been read. */
    void cutAfter(long bytes) {
        bytesRead.set(0);
        cutAfterBytes.set(bytes);
    }

    List<Long> firstReadOffsets() {
        return firstReadOffsets;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair newHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class CuttingListener implements SftpEventListener {
        /** By identity: handle ids are reused, and parallel sessions may hold the same id at once. */
        private final Set<FileHandle> handlesRead = Collections.synchronizedSet(
                Collections.newSetFromMap(new IdentityHashMap<>()));

        @Override
        public void reading(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                            byte[] data, int dataOffset, int dataLen) {
            if (handlesRead.add(localHandle)) {
                firstReadOffsets.add(offset);
            }
        }

        @Override
        public void read(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                         byte[] data, int dataOffset, int dataLen, int readLen, Throwable thrown) throws IOException {
            if (readLen > 0 && bytesRead.addAndGet(readLen) > cutAfterBytes.get()) {
                cutAfterBytes.set(Long.MAX_VALUE);
                session.close(true);
            }
        }
    }

    private static final class RefusingAccessor implements SftpFileSystemAccessor {
        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file,
                                            String handle, Set<? extends OpenOption> options,
                                            FileAttribute<?>... attrs) throws IOException {
            if (file.getFileName().toString().contains(FORBIDDEN)) {
                throw new AccessDeniedException(file.toString());
            }
            return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
        }
    }
}
