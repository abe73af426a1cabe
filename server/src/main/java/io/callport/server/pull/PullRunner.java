package io.callport.server.pull;

import io.callport.naming.FileNameConvention;
import io.callport.naming.NameExtraction;
import io.callport.naming.NameFields;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one connector: list the date folders, leave out what the ledger already knows and what the picking
 * rule does not pick, fetch the rest (several at once, each on its own connection) into a staging folder, resume
 * files a previous run left half-fetched, and hand each whole file to the {@link PulledFileSink} once.
 *
 * <p>A file goes through the staging folder as {@code <path>.part} while it is fetched, then {@code <path>} once
 * whole and hashed; the ledger says {@link PullState#FETCHED} before the sink is called and
 * {@link PullState#DELIVERED} after, so a crash in between re-offers the file, and never fetches it again.
 */
public final class PullRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PullRunner.class);
    private static final Set<String> METADATA_EXTENSIONS = Set.of("csv", "tsv", "json", "xml");
    /** Names recorders and upload tools give files still being written. */
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".tmp", ".filepart", ".partial");
    private static final String UNKNOWN_AGENT = "";
    private static final int DELIVERY_BATCH = 1_000;

    private final String connectorId;
    private final PullConnectorRepository connectors;
    private final PullLedger ledger;
    private final PulledFileSink sink;
    private final Path staging;
    private final Clock clock;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** @param stagingRoot the folder for files in transit; this connector uses a subfolder named after its id */
    public PullRunner(String connectorId, PullConnectorRepository connectors, PullLedger ledger, PulledFileSink sink,
                      Path stagingRoot, Clock clock) {
        this.connectorId = connectorId;
        this.connectors = connectors;
        this.ledger = ledger;
        this.sink = sink;
        this.staging = stagingRoot.resolve(connectorId);
        this.clock = clock;
    }

    public String connectorId() {
        return connectorId;
    }

    /** Asks a run in progress to finish the files it is fetching and start no more. */
    public void requestStop() {
        stopping.set(true);
    }

    /**
     * Runs once and records the outcome on the connector. Remote problems do not throw: they are in the report and
     * on the connector's status.
     */
    public RunReport runOnce() {
        PullConnector connector = connectors.findById(connectorId)
                .orElseThrow(() -> new IllegalStateException("Connector " + connectorId + " no longer exists"));
        Instant startedAt = clock.instant();
        Counters counters = new Counters();
        PullException failure = null;
        try {
            deliverFetched(connector, counters);
            PullSource source = PullSources.of(connector.settings().site(), connectors.credentials(connectorId),
                    connector.pinnedFingerprint());
            PullSession first = source.connect();
            try {
                first.serverFingerprint().filter(seen -> connector.pinnedFingerprint() == null)
                        .ifPresent(seen -> connectors.pinFirstSeen(connectorId, seen));
                List<RemoteFile> work = plan(connector, first, counters);
                fetchAll(connector, source, first, work, counters);
            } finally {
                first.close();
            }
        } catch (PullException e) {
            failure = e;
        }
        int failuresInARow = 0;
        if (failure == null) {
            connectors.recordSuccess(connectorId, startedAt);
        } else {
            failuresInARow = connectors.recordFailure(connectorId, startedAt, failure);
        }
        RunReport report = counters.report(failure, failuresInARow);
        LOG.atInfo().addKeyValue("connector", connectorId).addKeyValue("listed", report.listed())
                .addKeyValue("delivered", report.delivered()).addKeyValue("notPicked", report.notPicked())
                .addKeyValue("unchanged", report.unchanged()).addKeyValue("failedFiles", report.failedFiles())
                .addKeyValue("bytes", report.bytes())
                .addKeyValue("failure", failure == null ? "none" : failure.failure())
                .log(failure == null ? "pull run finished" : "pull run failed: " + failure.getMessage());
        return report;
    }

    /** Files fetched whole by an earlier run that stopped before handing them over (a batch per run). */
    private void deliverFetched(PullConnector connector, Counters counters) {
        for (LedgerEntry entry : ledger.list(connectorId, PullState.FETCHED, DELIVERY_BATCH)) {
            Path file = stagedFile(entry.path());
            if (Files.exists(file)) {
                handOver(connector, entry.path(), file, counters);
            } else {
                // the sink took the file before the previous run could record it
                ledger.delivered(connectorId, entry.path());
            }
        }
    }

    /** Lists, skips what is known or still being written, applies the picking rule; returns what to fetch. */
    private List<RemoteFile> plan(PullConnector connector, PullSession session, Counters counters)
            throws PullException {
        ConnectorSettings settings = connector.settings();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        List<RemoteFile> listed = session.candidates(settings.dateFolders(), today.minusDays(settings.lookbackDays()),
                today).stream().filter(this::fetchableName).sorted(Comparator.comparing(RemoteFile::path)).toList();
        counters.listed.set(listed.size());
        Instant settled = now.minus(settings.quietPeriod());
        List<RemoteFile> resumed = new ArrayList<>();
        List<RemoteFile> fresh = new ArrayList<>();
        for (RemoteFile file : listed) {
            if (file.modified() != null && file.modified().isAfter(settled)) {
                continue;
            }
            Optional<LedgerEntry> entry = ledger.find(connectorId, file.path());
            if (entry.isEmpty()) {
                fresh.add(file);
            } else if (entry.get().state() == PullState.PENDING) {
                (entry.get().sameVersionAs(file) ? resumed : fresh).add(file);
            } else if (entry.get().state() != PullState.FETCHED && !entry.get().sameVersionAs(file)) {
                fresh.add(file);
            }
        }
        List<RemoteFile> recordings = fresh.stream().filter(file -> !isMetadata(file)).toList();
        List<RemoteFile> picked = settings.picking().pick(recordings, RemoteFile::path,
                file -> agentOf(file, settings.convention()));
        Set<RemoteFile> pickedSet = new HashSet<>(picked);
        Set<String> leftOut = new HashSet<>();
        for (RemoteFile recording : recordings) {
            if (!pickedSet.contains(recording)) {
                ledger.notPicked(connectorId, recording);
                leftOut.add(baseName(recording));
                counters.notPicked.incrementAndGet();
            }
        }
        List<RemoteFile> work = new ArrayList<>(resumed);
        work.addAll(picked);
        for (RemoteFile metadata : fresh.stream().filter(PullRunner::isMetadata).toList()) {
            // a sidecar (call-1.json beside call-1.wav) follows its recording; a batch CSV is always fetched
            if (leftOut.contains(baseName(metadata))) {
                ledger.notPicked(connectorId, metadata);
                counters.notPicked.incrementAndGet();
            } else {
                work.add(metadata);
            }
        }
        work.sort(Comparator.comparing(RemoteFile::path));
        return work;
    }

    /** Fetches {@code work} on up to the connector's parallel connections; the first is {@code first}. */
    private void fetchAll(PullConnector connector, PullSource source, PullSession first, List<RemoteFile> work,
                          Counters counters) throws PullException {
        Queue<RemoteFile> queue = new ConcurrentLinkedQueue<>(work);
        AtomicReference<PullException> lost = new AtomicReference<>();
        int workers = Math.min(connector.settings().parallelFetches(), work.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            PullSession given = i == 0 ? first : null;
            threads.add(Thread.ofPlatform().name("pull-" + connectorId + "-" + i)
                    .start(() -> fetchQueued(connector, source, given, queue, lost, counters)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                stopping.set(true);
                Thread.currentThread().interrupt();
            }
        }
        if (!queue.isEmpty() && lost.get() != null) {
            throw lost.get();
        }
    }

    /** One worker: takes files off the queue until it is empty, a stop is asked, or its connection fails. */
    private void fetchQueued(PullConnector connector, PullSource source, PullSession given, Queue<RemoteFile> queue,
                             AtomicReference<PullException> lost, Counters counters) {
        PullSession session = given;
        try {
            for (RemoteFile file; !stopping.get() && (file = queue.poll()) != null; ) {
                if (session == null) {
                    try {
                        session = source.connect();
                    } catch (PullException e) {
                        queue.add(file);
                        throw e;
                    }
                }
                try {
                    fetchOne(connector, session, file, counters);
                } catch (PullException e) {
                    // another connection may still finish it, resuming after the bytes already fetched
                    queue.add(file);
                    throw e;
                }
            }
        } catch (PullException e) {
            lost.compareAndSet(null, e);
            LOG.atWarn().addKeyValue("connector", connectorId).log("pull connection ended: " + e.getMessage());
        } finally {
            if (session != null && session != given) {
                session.close();
            }
        }
    }

    /**
     * Fetches one file into the staging folder, resuming after what an interrupted attempt left, then hands it over.
     * Throws only when the connection is no longer usable; a problem with the file itself is recorded on it.
     */
    private void fetchOne(PullConnector connector, PullSession session, RemoteFile file, Counters counters)
            throws PullException {
        Path complete = stagedFile(file.path());
        Path partial = complete.resolveSibling(complete.getFileName() + ".part");
        try {
            Files.createDirectories(partial.getParent());
            Optional<LedgerEntry> entry = ledger.find(connectorId, file.path());
            boolean resumable = entry.isPresent() && entry.get().state() == PullState.PENDING
                    && entry.get().sameVersionAs(file) && Files.exists(partial) && Files.size(partial) <= file.size();
            if (!resumable) {
                Files.deleteIfExists(partial);
            }
            ledger.pending(connectorId, file);
            long offset = resumable ? Files.size(partial) : 0;
            MessageDigest digest = digestOf(partial, offset);
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(partial,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)), digest)) {
                session.fetch(file, offset, out);
            } catch (PullException e) {
                long have = Files.size(partial);
                if (e.failure().endsSession()) {
                    ledger.interrupted(connectorId, file.path(), have, e.getMessage());
                    throw e;
                }
                ledger.failed(connectorId, file.path(), have, e.getMessage());
                counters.failedFiles.incrementAndGet();
                return;
            }
            long have = Files.size(partial);
            counters.bytes.addAndGet(have - offset);
            if (have < file.size()) {
                ledger.interrupted(connectorId, file.path(), have, "The server ended the transfer after " + have
                        + " of " + file.size() + " bytes.");
                throw new PullException(PullFailure.CONNECTION_LOST, "The server ended the transfer of " + file.path()
                        + " after " + have + " of " + file.size() + " bytes.");
            }
            if (have > file.size()) {
                Files.delete(partial);
                ledger.failed(connectorId, file.path(), have, "The server sent " + have + " bytes of " + file.path()
                        + ", listed with " + file.size() + "; it is still changing and is fetched again next run.");
                counters.failedFiles.incrementAndGet();
                return;
            }
            Files.move(partial, complete, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deliver(connector, file, entry.map(LedgerEntry::sha256).orElse(null), complete,
                    HexFormat.of().formatHex(digest.digest()), counters);
        } catch (IOException e) {
            throw new PullException(PullFailure.LOCAL_STORAGE, "Cannot write " + file.path() + " to the staging "
                    + "folder " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Hands the file over unless it is a new listing of the very content delivered last time under this path. */
    private void deliver(PullConnector connector, RemoteFile file, String previousSha256, Path complete, String sha256,
                         Counters counters) throws IOException {
        if (sha256.equals(previousSha256)) {
            ledger.unchanged(connectorId, file.path(), file.size(), sha256);
            Files.deleteIfExists(complete);
            counters.unchanged.incrementAndGet();
            return;
        }
        ledger.fetched(connectorId, file.path(), file.size(), sha256);
        handOver(connector, file.path(), complete, counters);
    }

    private void handOver(PullConnector connector, String path, Path file, Counters counters) {
        try {
            sink.pulled(connector.campaignFolder(), path, file);
            Files.deleteIfExists(file);
            ledger.delivered(connectorId, path);
            counters.delivered.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            ledger.deliveryFailed(connectorId, path, "Handing the file to the pipeline failed: " + e.getMessage());
            LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("path", path).setCause(e)
                    .log("pulled file not delivered; offered again next run");
        }
    }

    /** The hash of the bytes an interrupted attempt left, to be continued by the resumed transfer. */
    private static MessageDigest digestOf(Path partial, long length) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        if (length > 0) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(partial), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return digest;
    }

    private Path stagedFile(String relativePath) {
        Path path = staging.resolve(relativePath).normalize();
        if (!path.startsWith(staging)) {
            throw new IllegalStateException("Remote path " + relativePath + " leaves the staging folder");
        }
        return path;
    }

    /** Leaves out hidden files, files still being uploaded, and names that could not be staged safely. */
    private boolean fetchableName(RemoteFile file) {
        String name = file.name();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return false;
        }
        boolean safe = name.chars().noneMatch(c -> c == '\\' || c == 0 || c < 0x20)
                && List.of(file.path().split("/")).stream().noneMatch(part -> part.isEmpty() || part.equals("..")
                || part.equals("."));
        if (!safe) {
            LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("path", file.path())
                    .log("remote file name skipped: it cannot be stored safely");
        }
        return safe;
    }

    static boolean isMetadata(RemoteFile file) {
        String name = file.name();
        int dot = name.lastIndexOf('.');
        return dot > 0 && METADATA_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String baseName(RemoteFile file) {
        String path = file.path();
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    /** Who made the recording, by the file-name convention: agent id, else extension, else first and last name. */
    static String agentOf(RemoteFile file, FileNameConvention convention) {
        if (convention == null) {
            return UNKNOWN_AGENT;
        }
        NameExtraction extraction = convention.extract(file.name());
        for (String field : List.of(NameFields.AGENT_ID, NameFields.AGENT_EXTENSION)) {
            String value = extraction.fields().get(field);
            if (value != null && !value.isBlank()) {
                return field + ":" + value.strip().toLowerCase(Locale.ROOT);
            }
        }
        String first = extraction.fields().getOrDefault(NameFields.AGENT_FIRST_NAME, "");
        String last = extraction.fields().getOrDefault(NameFields.AGENT_LAST_NAME, "");
        String name = (first.strip() + " " + last.strip()).strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() ? UNKNOWN_AGENT : "name:" + name;
    }

    private static final class Counters {
        final AtomicInteger listed = new AtomicInteger();
        final AtomicInteger notPicked = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        final AtomicInteger failedFiles = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();

        RunReport report(PullException failure, int failuresInARow) {
            return new RunReport(listed.get(), notPicked.get(), delivered.get(), unchanged.get(), failedFiles.get(),
                    bytes.get(), failure, failuresInARow);
        }
    }
}
