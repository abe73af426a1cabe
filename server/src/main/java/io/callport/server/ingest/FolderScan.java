package io.callport.server.ingest;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.landing.FileNames;
import io.callport.server.landing.UploadSource;
import io.callport.server.pull.PullLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds files in the campaign folders that no upload reported: files put there on the server's disk (as the
 * {@link FolderWatch} notices them, and by a periodic walk of the folders), and files that landed while the server
 * was down or in the instant before a crash. A file is taken once it has been quiet for a while (a copy still
 * being written is not taken half done), and never while an upload is landing it (the upload reports it, see
 * {@link Intake#isLanding}); its arrival id comes from its place, size and time, so the watch and the walk, or
 * two scanning processes, record it once; its source is PULL when a pull connector of the campaign fetched it (it
 * landed just before a restart), else SFTP. {@code processed/} and {@code failed/} folders, hidden files and
 * temporary names are left alone. Files found recorded are remembered
 * (with their modification time), so later scans ask the database only about files new to them.
 */
final class FolderScan {
    private static final int BATCH = 500;
    private static final Set<String> SETTLED_FOLDERS = Set.of(LandedFiles.PROCESSED, LandedFiles.FAILED);

    private final PipelineContext context;
    private final CampaignFolders folders;
    private final Intake intake;
    private final PullLedger pulls;
    /** Location to modification time of files known to be recorded, as of the last scan. */
    private Map<String, Instant> recorded = new HashMap<>();

    FolderScan(PipelineContext context, CampaignFolders folders, Intake intake) {
        this.context = context;
        this.folders = folders;
        this.intake = intake;
        this.pulls = new PullLedger(context.database(), context.clock());
    }

    /** A file found in a campaign folder. */
    private record Found(CampaignFolders.Place place, Path file, String location, String relative,
                         BasicFileAttributes attributes) {
        /** In whole milliseconds, as the database keeps the arrival it is compared with. */
        Instant modified() {
            return attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** Scans every campaign folder once; returns how many files it recorded. */
    synchronized int scan() throws IOException {
        Map<String, Instant> stillRecorded = new HashMap<>();
        List<Found> unknown = new ArrayList<>();
        for (CampaignFolders.Place place : folders.all()) {
            Path folder = context.landed().campaignDir(place.folder());
            if (Files.isDirectory(folder)) {
                walk(place, folder, stillRecorded, unknown);
            }
        }
        int count = 0;
        for (int start = 0; start < unknown.size(); start += BATCH) {
            count += record(unknown.subList(start, Math.min(unknown.size(), start + BATCH)), stillRecorded);
        }
        recorded = stillRecorded;
        return count;
    }

    /**
     * Lists the folder and its subfolders. A file recorded before is recognised by its name alone, without reading
     * its attributes, which keeps a scan of a folder holding many thousand waiting files cheap; a file replaced
     * under the same name is reported by its upload.
     */
    private void walk(CampaignFolders.Place place, Path folder, Map<String, Instant> stillRecorded,
                      List<Found> unknown) throws IOException {
        Instant quietSince = context.now().minus(context.settings().scanQuietFor());
        java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>(List.of(folder));
        while (!folders.isEmpty()) {
            Path dir = folders.pop();
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    String relative = folder.relativize(entry).toString().replace('\\', '/');
                    String location = LandedFiles.locationOf(place.folder(), relative);
                    Instant known = recorded.get(location);
                    if (known != null) {
                        stillRecorded.put(location, known);
                        continue;
                    }
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class,
                                LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException movedMeanwhile) {
                        continue;
                    }
                    if (attributes.isDirectory()) {
                        if (isWalked(name)) {
                            folders.push(entry);
                        }
                    } else if (isCandidate(name, attributes) && isQuiet(attributes, quietSince)) {
                        unknown.add(new Found(place, entry, location, relative, attributes));
                    }
                }
            } catch (NoSuchFileException removedMeanwhile) {
                // an upload folder emptied and removed while the scan walked by
            }
        }
    }

    /**
     * Records those of these files (changed, as the folder watcher saw) that a scan would take now; returns the
     * others that a scan will take once they have been quiet long enough, with when that is.
     */
    synchronized Map<Path, Instant> recordChanged(Collection<Path> files) throws IOException {
        Map<CampaignFolder, CampaignFolders.Place> places = new HashMap<>();
        folders.all().forEach(place -> places.put(place.folder(), place));
        Instant quietSince = context.now().minus(context.settings().scanQuietFor());
        List<Found> found = new ArrayList<>();
        Map<Path, Instant> notQuiet = new HashMap<>();
        for (Path file : files) {
            Path inLanding = context.landed().root().relativize(file);
            if (inLanding.getNameCount() < 3) {
                continue;
            }
            CampaignFolders.Place place = places.get(new CampaignFolder(inLanding.getName(0).toString(),
                    inLanding.getName(1).toString()));
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException movedMeanwhile) {
                continue;
            }
            if (place == null || !isCandidate(file.getFileName().toString(), attributes)) {
                continue;
            }
            if (!isQuiet(attributes, quietSince)) {
                notQuiet.put(file, attributes.lastModifiedTime().toInstant().plus(context.settings().scanQuietFor()));
                continue;
            }
            String relative = inLanding.subpath(2, inLanding.getNameCount()).toString().replace('\\', '/');
            found.add(new Found(place, file, LandedFiles.locationOf(place.folder(), relative), relative, attributes));
        }
        for (int start = 0; start < found.size(); start += BATCH) {
            record(found.subList(start, Math.min(found.size(), start + BATCH)), recorded);
        }
        return notQuiet;
    }

    /** Whether a folder of this name is looked into: hidden folders and processed and failed files are not. */
    static boolean isWalked(String folderName) {
        return !folderName.startsWith(".") && !SETTLED_FOLDERS.contains(folderName);
    }

    /** A file of a final name: hidden and temporary names land when they are renamed. */
    private static boolean isCandidate(String name, BasicFileAttributes attributes) {
        return attributes.isRegularFile() && !FileNames.isTemporary(name);
    }

    /** Unchanged since {@code quietSince}, so whoever wrote it is done (and an upload has reported it). */
    private static boolean isQuiet(BasicFileAttributes attributes, Instant quietSince) {
        return !attributes.lastModifiedTime().toInstant().isAfter(quietSince);
    }

    /**
     * Records the files no arrival at their place (since their last change) was recorded for: as fetched by a pull
     * connector when the campaign's connectors fetched that file, else as dropped on the SFTP server.
     */
    private int record(List<Found> candidates, Map<String, Instant> stillRecorded) throws IOException {
        // asked before the database: an upload that has ended landing has recorded its file
        List<Found> found = candidates.stream().filter(file -> !intake.isLanding(file.location())).toList();
        Map<String, Instant> arrivals = context.pipeline().files().latestArrivals(
                found.stream().map(Found::location).toList());
        Map<Found, String> news = new LinkedHashMap<>();
        for (Found file : found) {
            Instant arrived = arrivals.get(file.location());
            if (arrived == null || arrived.isBefore(file.modified())) {
                try {
                    news.put(file, sha256(file.file()));
                } catch (NoSuchFileException movedMeanwhile) {
                    continue;
                }
            }
            stillRecorded.put(file.location(), file.modified());
        }
        if (news.isEmpty()) {
            return 0;
        }
        Set<String> pulled = pulledLocations(news);
        return intake.record(news.entrySet().stream().map(file -> new Intake.Arrival(arrivalId(file.getKey()),
                file.getKey().place().campaign(), file.getKey().location(), file.getKey().relative(),
                file.getKey().attributes().size(), file.getValue(), (pulled.contains(file.getKey().location())
                ? UploadSource.PULL : UploadSource.SFTP).name(), context.now(), null, null)).toList()).size();
    }

    /** The locations of the files (with their hashes) that the campaigns' pull connectors fetched. */
    private Set<String> pulledLocations(Map<Found, String> files) {
        Map<CampaignFolders.Place, Map<String, String>> byPlace = new LinkedHashMap<>();
        files.forEach((file, sha256) -> byPlace.computeIfAbsent(file.place(), place -> new HashMap<>())
                .put(file.relative(), sha256));
        Set<String> pulled = new HashSet<>();
        byPlace.forEach((place, hashes) -> pulls.fetchedInto(place.campaign().id(), hashes)
                .forEach(relative -> pulled.add(LandedFiles.locationOf(place.folder(), relative))));
        return pulled;
    }

    private static String arrivalId(Found file) {
        return "scan:" + HexFormat.of().formatHex(digest().digest((file.location() + "|" + file.attributes().size()
                + "|" + file.attributes().lastModifiedTime().toMillis()).getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
