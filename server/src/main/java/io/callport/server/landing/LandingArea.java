package io.callport.server.landing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder tree where uploaded files arrive: {@code <root>/<orgFolder>/<campaignFolder>/...}. Files being
 * written live in {@code <root>/.incoming/<uploadId>.part}, outside every campaign folder, and appear under their
 * final name only by an atomic move once complete; the {@link LandingListener} hears of each arrival once.
 */
public final class LandingArea {
    static final String INCOMING_DIR = ".incoming";
    private static final String PARTIAL_SUFFIX = ".part";
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Logger LOG = LoggerFactory.getLogger(LandingArea.class);

    private final Path root;
    private final Path incoming;
    private final SizeLimits limits;
    private final Clock clock;
    private final WriteCheck writeCheck;
    private final Set<String> openUploads = ConcurrentHashMap.newKeySet();

    public LandingArea(Path root) throws IOException {
        this(root, SizeLimits.DEFAULT, Clock.systemUTC());
    }

    public LandingArea(Path root, SizeLimits limits, Clock clock) throws IOException {
        this(root, limits, clock, WriteCheck.NONE);
    }

    public LandingArea(Path root, SizeLimits limits, Clock clock, WriteCheck writeCheck) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.incoming = Files.createDirectories(this.root.resolve(INCOMING_DIR));
        this.limits = limits;
        this.clock = clock;
        this.writeCheck = writeCheck;
    }

    public Path root() {
        return root;
    }

    public SizeLimit limitFor(String fileName) {
        return limits.limitFor(fileName);
    }

    public SizeLimits limits() {
        return limits;
    }

    /** The organisation's folder, created if missing: an organisation-wide SFTP login sees it as its root. */
    public Path organisationDir(String orgFolder) throws IOException {
        return Files.createDirectories(root.resolve(CampaignFolder.requireSlug(orgFolder, "organisation folder")));
    }

    /** The campaign's folder, created if missing. */
    public Path campaignDir(CampaignFolder campaign) throws IOException {
        return Files.createDirectories(organisationDir(campaign.orgFolder()).resolve(campaign.campaignFolder()));
    }

    public Path pathOf(CampaignPath path) {
        return root.resolve(path.campaign().orgFolder()).resolve(path.campaign().campaignFolder())
                .resolve(path.relativePath());
    }

    /** Which campaign file an absolute path names; empty for the folders above the campaigns and for outside paths. */
    public Optional<CampaignPath> locate(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.getNameCount() < root.getNameCount() + 3) {
            return Optional.empty();
        }
        Path inside = root.relativize(normal);
        try {
            CampaignFolder campaign = new CampaignFolder(inside.getName(0).toString(), inside.getName(1).toString());
            StringBuilder relative = new StringBuilder(inside.getName(2).toString());
            for (int i = 3; i < inside.getNameCount(); i++) {
                relative.append('/').append(inside.getName(i));
            }
            return Optional.of(new CampaignPath(campaign, relative.toString()));
        } catch (IllegalArgumentException notACampaignFile) {
            return Optional.empty();
        }
    }

    /** Starts a new file; its size limit follows from its name. */
    public IncomingFile begin(String fileName) throws IOException {
        String uploadId = UUID.randomUUID().toString();
        return open(uploadId, fileName, true);
    }

    /** Reopens a partial file kept by {@link IncomingFile#close()}, e.g. to continue a resumable upload. */
    public IncomingFile resume(String uploadId, String fileName) throws IOException {
        return open(requireUploadId(uploadId), fileName, false);
    }

    /**
     * Takes a parked file (one written under a temporary name) back to write more of it, as a client resuming an
     * upload that was cut off does. It becomes a partial file again, out of every campaign folder, until it is
     * parked or landed once more.
     */
    public IncomingFile adopt(CampaignPath parked) throws IOException {
        String uploadId = UUID.randomUUID().toString();
        Files.move(pathOf(parked), partialOf(uploadId), StandardCopyOption.ATOMIC_MOVE);
        try {
            return open(uploadId, parked.fileName(), false);
        } catch (IOException | RuntimeException e) {
            Files.move(partialOf(uploadId), pathOf(parked), StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
    }

    /** The size of a kept partial file, or empty when there is none. */
    public OptionalLong partialSize(String uploadId) throws IOException {
        Path partial = partialOf(requireUploadId(uploadId));
        try {
            return OptionalLong.of(Files.size(partial));
        } catch (NoSuchFileException none) {
            return OptionalLong.empty();
        }
    }

    /** Deletes a partial file that is not being written. */
    public void discard(String uploadId) throws IOException {
        if (openUploads.contains(requireUploadId(uploadId))) {
            throw new IllegalStateException("Upload " + uploadId + " is being written");
        }
        Files.deleteIfExists(partialOf(uploadId));
    }

    /** Lands a small file whose content is in memory, such as a metadata sidecar. */
    public LandedFile landBytes(byte[] content, CampaignPath destination, UploadSource source,
                                LandingListener listener) throws IOException {
        IncomingFile file = begin(destination.fileName());
        try {
            file.write(ByteBuffer.wrap(content), 0);
        } catch (IOException e) {
            file.discard();
            throw e;
        }
        return file.complete(destination, source, listener);
    }

    /**
     * Lands a parked file (one written under a temporary name) by renaming it to its final name, which it
     * replaces if present.
     */
    public LandedFile landRenamed(CampaignPath parked, CampaignPath destination, UploadSource source,
                                  LandingListener listener) throws IOException {
        Path from = pathOf(parked);
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(parked.relativePath());
        }
        return moveIntoPlace(from, destination, source, listener);
    }

    /**
     * Lands a whole file written elsewhere on this file system, such as a file a pull connector fetched, by moving
     * it atomically to its final name (replacing a file already there). The caller has flushed it to disk.
     */
    public LandedFile landFile(Path file, CampaignPath destination, UploadSource source,
                               LandingListener listener) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        return moveIntoPlace(file, destination, source, listener);
    }

    private LandedFile moveIntoPlace(Path from, CampaignPath destination, UploadSource source,
                                     LandingListener listener) throws IOException {
        long size = Files.size(from);
        Path target = prepareTarget(destination);
        listener.landing(destination);
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
            LandedFile landed = new LandedFile(UUID.randomUUID().toString(), destination.campaign(),
                    destination.relativePath(), target, size, source, now());
            announce(listener, landed);
            return landed;
        } finally {
            listener.landingEnded(destination);
        }
    }

    /**
     * Deletes partial files nobody is writing that have not changed for {@code idleFor}: leftovers of a crash, or
     * resumable uploads abandoned for longer than any expiry.
     *
     * @return how many were deleted
     */
    public int sweepAbandoned(Duration idleFor) throws IOException {
        Instant cutoff = now().minus(idleFor);
        int deleted = 0;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(incoming, "*" + PARTIAL_SUFFIX)) {
            for (Path partial : partials) {
                String uploadId = partial.getFileName().toString().replace(PARTIAL_SUFFIX, "");
                try {
                    if (!openUploads.contains(uploadId)
                            && Files.getLastModifiedTime(partial).toInstant().isBefore(cutoff)
                            && Files.deleteIfExists(partial)) {
                        deleted++;
                    }
                } catch (NoSuchFileException alreadyGone) {
                    // deleted by its owner while we looked
                }
            }
        }
        return deleted;
    }

    Path prepareTarget(CampaignPath destination) throws IOException {
        Path target = pathOf(destination);
        Files.createDirectories(target.getParent());
        return target;
    }

    void released(String uploadId) {
        openUploads.remove(uploadId);
    }

    WriteCheck writeCheck() {
        return writeCheck;
    }

    Instant now() {
        return clock.instant();
    }

    void announce(LandingListener listener, LandedFile landed) {
        try {
            listener.landed(landed);
        } catch (RuntimeException e) {
            LOG.error("The file {} landed, but the code told of it failed", landed.relativePath(), e);
        }
    }

    private IncomingFile open(String uploadId, String fileName, boolean create) throws IOException {
        if (!openUploads.add(uploadId)) {
            throw new IllegalStateException("Upload " + uploadId + " is already being written");
        }
        try {
            Path partial = partialOf(uploadId);
            FileChannel channel = create
                    ? FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                return new IncomingFile(this, uploadId, fileName, partial, channel, channel.size(),
                        limits.limitFor(fileName));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            openUploads.remove(uploadId);
            throw e;
        }
    }

    private Path partialOf(String uploadId) {
        return incoming.resolve(uploadId + PARTIAL_SUFFIX);
    }

    private static String requireUploadId(String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("\"" + uploadId + "\" is not an upload id");
        }
        return uploadId;
    }
}
