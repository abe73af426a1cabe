package io.callport.server.sftp;

import io.callport.server.landing.LandingArea;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Map;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.root.RootedFileSystemProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.session.ServerSession;

/** Gives each session a file system rooted at its account's folder: "/" is that folder, and ".." stops there. */
final class AccountFileSystemFactory implements FileSystemFactory {
    private final LandingArea landing;

    AccountFileSystemFactory(LandingArea landing) {
        this.landing = landing;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
        return AccountAuthenticator.accountOf((ServerSession) session).rootIn(landing);
    }

    @Override
    public FileSystem createFileSystem(SessionContext session) throws IOException {
        return new RootedFileSystemProvider().newFileSystem(getUserHomeDir(session), Map.of());
    }
}
