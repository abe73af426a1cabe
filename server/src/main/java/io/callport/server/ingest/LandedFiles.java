package io.callport.server.ingest;

import io.callport.server.landing.CampaignFolder;
import io.callport.server.store.FileStatus;
import io.callport.server.store.IngestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where arrived files are on disk. A landed file stays where it landed while it is processed; then a completed
 * file moves to {@code processed/} beside it and a failed one to {@code failed/}, so the uploader sees in the
 * folder what became of each. Entries unpacked from a zip live in {@code .unzipped/<zip>/} under the landing
 * root, outside every campaign folder, and are deleted once processed (the zip itself is kept).
 */
public final class LandedFiles {
    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    static final String UNZIPPED = ".unzipped";
    private static final Logger LOG = LoggerFactory.getLogger(LandedFiles.class);

    private final Path root;

    public LandedFiles(Path landingRoot) throws IOException {
        this.root = Files.createDirectories(landingRoot).toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The location of a file landed in a campaign folder: {@code <org>/<campaign>/<path>}. */
    static String locationOf(CampaignFolder campaign, String relativePath) {
        return campaign.orgFolder() + "/" + campaign.campaignFolder() + "/" + relativePath;
    }

    /** The location an entry of a zip is unpacked to. */
    static String unzippedLocation(String zipFileId, String entryPath) {
        return UNZIPPED + "/" + zipFileId + "/" + entryPath;
    }

    Path campaignDir(CampaignFolder campaign) {
        return root.resolve(campaign.orgFolder()).resolve(campaign.campaignFolder());
    }

    Path pathOf(String location) {
        Path path = root.resolve(location).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("'" + location + "' is outside the landing area.");
        }
        return path;
    }

    /**
     * Where the file's content is now, by its status: in {@code processed/} once completed, {@code failed/} once
     * failed, else where it landed. A move that a crash interrupted leaves the file where it landed; it is found
     * there as long as nothing newer arrived under its name.
     */
    Optional<Path> current(IngestFile file) {
        Path landed = pathOf(file.location());
        Path settled = switch (file.status()) {
            case COMPLETED -> beside(landed, PROCESSED);
            case FAILED -> beside(landed, FAILED);
            default -> landed;
        };
        if (Files.isRegularFile(settled)) {
            return Optional.of(settled);
        }
        return !settled.equals(landed) && isSameArrival(landed, file.arrivedAt()) ? Optional.of(landed)
                : Optional.empty();
    }

    /**
     * Moves a file that reached a final status to where that status keeps it, from wherever its previous status
     * kept it; unpacked zip entries are deleted instead.
     *
     * @param file   the file as it was before, with its previous status
     * @param status its new status
     */
    void settle(IngestFile file, FileStatus status) {
        Optional<Path> content = current(file);
        if (content.isEmpty()) {
            return;
        }
        try {
            if (file.archiveId() != null) {
                Files.deleteIfExists(content.get());
            } else if (status == FileStatus.COMPLETED || status == FileStatus.FAILED) {
                Path target = beside(pathOf(file.location()), status == FileStatus.COMPLETED ? PROCESSED : FAILED);
                if (!target.equals(content.get())) {
                    if (!Files.isDirectory(target.getParent())) {
                        Files.createDirectories(target.getParent());
                    }
                    Files.move(content.get(), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (NoSuchFileException alreadyMoved) {
            // a retried step moved it already
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("file", file.location()).addKeyValue("error", e.getMessage())
                    .log("a processed file could not be moved; it stays where it is until it is purged");
        }
    }

    /** Deletes a file's content from the landing area, wherever its status put it, and its failed-rows report. */
    public void purge(IngestFile file) throws IOException {
        Optional<Path> content = current(file);
        if (content.isPresent()) {
            Files.deleteIfExists(content.get());
        }
        Files.deleteIfExists(failedRowsReport(file));
    }

    /** Removes what is left of a zip's unpacked entries (folders, refused entries) once its batch has finished. */
    void removeUnzipped(String zipFileId) {
        Path folder = pathOf(unzippedLocation(zipFileId, ""));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.atWarn().addKeyValue("zip", zipFileId).addKeyValue("error", e.getMessage())
                    .log("unpacked entries of a zip could not be removed");
        }
    }

    /** Where the failed rows of a metadata file are reported: {@code failed/<name>-failed-rows.<ext>} beside it. */
    Path failedRowsReport(IngestFile metadataFile) {
        Path landed = pathOf(metadataFile.location());
        return landed.resolveSibling(FAILED).resolve(failedRowsName(landed.getFileName().toString()));
    }

    /** {@code calls.csv} gives {@code calls-failed-rows.csv}. */
    static String failedRowsName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-failed-rows" + name.substring(dot) : name + "-failed-rows.csv";
    }

    private static Path beside(Path landed, String folder) {
        return landed.resolveSibling(folder).resolve(landed.getFileName());
    }

    /** A file found where one landed is that arrival's unless it changed after it arrived. */
    private static boolean isSameArrival(Path landed, Instant arrivedAt) {
        try {
            return Files.isRegularFile(landed)
                    && !Files.getLastModifiedTime(landed).toInstant().isAfter(arrivedAt.plusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }
}
