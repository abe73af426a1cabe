package io.callport.server.sftp;

import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.FileNames;
import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.UploadSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * The SFTP server's rules over the landing area. Reads and listings go to disk, but never past the account's root,
 * even through a link on disk; writes go through the landing area so nothing half-written is ever visible; only
 * paths inside a campaign folder can be created, changed or removed; links and server-side copies are refused; a file may be renamed only from a temporary name,
 * which is how clients such as WinSCP and rclone finish an upload; ownership and permission changes are ignored.
 */
final class LandingFileSystemAccessor implements SftpFileSystemAccessor {
    private static final String OUTSIDE_CAMPAIGN =
            "Only files and folders inside a campaign folder can be created, changed or removed.";

    private final LandingArea landing;
    private final LandingListener listener;
    /** Uploads in progress by their final path, so attribute changes aimed at them can be recognised. */
    private final Map<Path, SftpUpload> openUploads = new ConcurrentHashMap<>();

    LandingFileSystemAccessor(LandingArea landing, LandingListener listener) {
        this.landing = landing;
        this.listener = listener;
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                        Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (!options.contains(StandardOpenOption.WRITE) && !options.contains(StandardOpenOption.APPEND)) {
            requireInsideRoot(file);
            return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
        }
        CampaignPath destination = campaignPathOf(file);
        Path real = landing.pathOf(destination);
        requireParentFolder(real, file);
        boolean exists = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal(destination.fileName() + " is a folder, not a file.");
        }
        if (exists && options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        if (!exists && !options.contains(StandardOpenOption.CREATE) && !options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new NoSuchFileException(file.toString());
        }
        boolean truncate = options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (exists && truncate && FileNames.isTemporary(destination.fileName())) {
            // a parked file is superseded from now, so a drop of this upload parks it in the old one's place
            Files.delete(real);
        }
        IncomingFile incoming = exists && !truncate ? keepingBytesOf(destination, real)
                : landing.begin(destination.fileName());
        SftpUpload upload = new SftpUpload(incoming, destination, listener);
        openUploads.put(real, upload);
        return upload;
    }

    /**
     * Writing into an existing file without truncating it keeps its bytes. A file under a temporary name is taken
     * over as it is (a client resuming an upload cut off); a landed file is copied, so it stays whole until the new
     * version is complete.
     */
    private IncomingFile keepingBytesOf(CampaignPath destination, Path real) throws IOException {
        if (FileNames.isTemporary(destination.fileName())) {
            return landing.adopt(destination);
        }
        IncomingFile incoming = landing.begin(destination.fileName());
        try (InputStream existing = Files.newInputStream(real)) {
            incoming.appendFrom(existing, Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            incoming.discard();
            throw e;
        }
        return incoming;
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle dirHandle, Path dir,
                                               String handle, LinkOption... options) throws IOException {
        requireInsideRoot(dir);
        return SftpFileSystemAccessor.super.openDirectory(subsystem, dirHandle, dir, handle, options);
    }

    @Override
    public void closeFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                          Channel channel, Set<? extends OpenOption> options) throws IOException {
        if (channel instanceof SftpUpload upload) {
            openUploads.values().remove(upload);
            upload.finish();
        } else {
            SftpFileSystemAccessor.super.closeFile(subsystem, fileHandle, file, handle, channel, options);
        }
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        if (openUploads.containsKey(realPath(file))) {
            return; // the file does not exist under its name until it is closed (times set by "put -p")
        }
        SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options) {
        // The server owns landed files.
    }

    @Override
    public void setGroupOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options) {
        // The server owns landed files.
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
                                   LinkOption... options) {
        // Permissions stay the server's, so processing can always read what landed.
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl,
                                     LinkOption... options) {
        // Permissions stay the server's, so processing can always read what landed.
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        Files.createDirectory(landing.pathOf(campaignPathOf(path)));
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        throw new Refusal("Links cannot be created on this server.");
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
            throws IOException {
        throw new Refusal("Files cannot be copied on the server; upload the file under the new name.");
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        Files.delete(landing.pathOf(campaignPathOf(path)));
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        CampaignPath from = campaignPathOf(oldPath);
        CampaignPath to = campaignPathOf(newPath);
        Path realFrom = landing.pathOf(from);
        Path realTo = landing.pathOf(to);
        requireParentFolder(realTo, newPath);
        if (Files.isDirectory(realFrom, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal("Folders cannot be renamed; create the new folder and upload into it.");
        }
        if (!FileNames.isTemporary(from.fileName())) {
            throw new Refusal(from.fileName() + " has arrived and is being processed, so it cannot be renamed;"
                    + " upload it again under the new name.");
        }
        if (Files.exists(realTo, LinkOption.NOFOLLOW_LINKS) && !opts.contains(StandardCopyOption.REPLACE_EXISTING)) {
            throw new FileAlreadyExistsException(newPath.toString());
        }
        if (FileNames.isTemporary(to.fileName())) {
            Files.move(realFrom, realTo, StandardCopyOption.ATOMIC_MOVE);
        } else {
            landing.landRenamed(from, to, UploadSource.SFTP, listener);
        }
    }

    /** The campaign file an SFTP path names, refusing the account's root and anything above the campaigns. */
    private CampaignPath campaignPathOf(Path path) throws Refusal {
        Path real = realPath(path);
        Path accountRoot = ((RootedFileSystem) path.getFileSystem()).getRoot();
        return (real.startsWith(accountRoot) ? landing.locate(real) : Optional.<CampaignPath>empty())
                .orElseThrow(() -> new Refusal(OUTSIDE_CAMPAIGN));
    }

    /**
     * Reads follow links on the server's disk only as far as the account's root: nobody can make a link through SFTP,
     * and one made on the server by other means must not show files outside the account.
     */
    private static void requireInsideRoot(Path path) throws IOException {
        if (path.getFileSystem() instanceof RootedFileSystem rooted
                && !realPath(path).toRealPath().startsWith(rooted.getRoot().toRealPath())) {
            throw new NoSuchFileException(path.toString());
        }
    }

    /** Like any file system, a file goes into an existing folder; nothing creates folders on the way. */
    private static void requireParentFolder(Path real, Path requested) throws NoSuchFileException {
        if (!Files.isDirectory(real.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(String.valueOf(requested.getParent()));
        }
    }

    /** The disk path behind a path of the session's rooted file system. */
    private static Path realPath(Path path) {
        if (!(path.getFileSystem() instanceof RootedFileSystem rooted)) {
            return path;
        }
        Path real = rooted.getRoot();
        for (Path name : path.toAbsolutePath().normalize()) {
            real = real.resolve(name.toString());
        }
        return real.normalize();
    }
}
