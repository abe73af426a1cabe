package io.callport.server.ingest;

import io.callport.server.landing.FileNames;
import io.callport.server.store.Campaign;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds files in the campaign folders that no upload reported: files put there on the server's disk, and files
 * that landed while the server was down or in the instant before a crash. A file is taken once it has been quiet
 * for a while (so an upload that just landed is reported by its upload, not by the scan); its arrival id comes
 * from its place, size and time, so two scanning processes record it once. {@code processed/} and
 * {@code failed/} folders, hidden files and temporary names are left alone.
 */
final class FolderScan {
    private static final int BATCH = 500;
    private static final Set<String> SETTLED_FOLDERS = Set.of(LandedFiles.PROCESSED, LandedFiles.FAILED);

    private final PipelineContext context;
    private final CampaignFolders folders;
    private final Intake intake;

    FolderScan(PipelineContext context, CampaignFolders folders, Intake intake) {
        this.context = context;
        this.folders = folders;
        this.intake = intake;
    }

    /** Scans every campaign folder once; returns how many files it recorded. */
    int scan() throws IOException {
        int recorded = 0;
        for (CampaignFolders.Place place : folders.all()) {
            Path folder = context.landed().campaignDir(place.folder());
            if (Files.isDirectory(folder)) {
                recorded += scan(place, folder);
            }
        }
        return recorded;
    }

    private int scan(CampaignFolders.Place place, Path folder) throws IOException {
        Campaign campaign = place.campaign();
        Map<String, Instant> known = context.pipeline().files().recordedLocations(campaign.id());
        Instant quietSince = context.now().minus(context.settings().scanQuietFor());
        List<Intake.Arrival> arrivals = new ArrayList<>();
        int[] recorded = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName().toString();
                return dir.equals(folder) || !name.startsWith(".") && !SETTLED_FOLDERS.contains(name)
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                Instant modified = attributes.lastModifiedTime().toInstant();
                String location = LandedFiles.locationOf(place.folder(), relative);
                Instant arrived = known.get(location);
                if (!attributes.isRegularFile() || FileNames.isTemporary(file.getFileName().toString())
                        || modified.isAfter(quietSince) || arrived != null && !arrived.isBefore(modified)) {
                    return FileVisitResult.CONTINUE;
                }
                arrivals.add(new Intake.Arrival(arrivalId(location, attributes), campaign, location, relative,
                        attributes.size(), sha256(file), io.callport.server.landing.UploadSource.SFTP.name(),
                        context.now(), null, null));
                if (arrivals.size() == BATCH) {
                    recorded[0] += intake.record(arrivals).size();
                    arrivals.clear();
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!arrivals.isEmpty()) {
            recorded[0] += intake.record(arrivals).size();
        }
        return recorded[0];
    }

    private static String arrivalId(String location, BasicFileAttributes attributes) {
        return "scan:" + HexFormat.of().formatHex(digest().digest((location + "|" + attributes.size() + "|"
                + attributes.lastModifiedTime().toMillis()).getBytes(StandardCharsets.UTF_8)));
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

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
