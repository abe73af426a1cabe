package io.callport.server.pull;

import io.callport.naming.FileNameConvention;
import io.callport.server.store.PickingRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a run fetches, from names, sizes and times alone: lists the date folders in the look-back, leaves out
 * hidden and half-uploaded files, files still being written and files the ledger already has in this version, then
 * applies the picking rule to the new recordings. Files it leaves out by picking are recorded, so they are not
 * offered again.
 */
final class RunPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(RunPlanner.class);
    private static final Set<String> METADATA_EXTENSIONS = Set.of("csv", "tsv", "json", "xml");
    /** Names recorders and upload tools give files still being written. */
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".tmp", ".filepart", ".partial");

    /**
     * A file to fetch.
     *
     * @param seenBefore     the ledger knows this path (from an earlier version or attempt)
     * @param previousSha256 the hash of the content delivered under this path before, or null
     */
    record Job(RemoteFile file, boolean seenBefore, String previousSha256) {
    }

    private final String connectorId;
    private final PullLedger ledger;
    private final Clock clock;

    RunPlanner(String connectorId, PullLedger ledger, Clock clock) {
        this.connectorId = connectorId;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The files to fetch, in path order; files resumed from an earlier run come with the new ones. */
    List<Job> plan(ConnectorSettings settings, PullSession session, RunCounters counters) throws PullException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        List<RemoteFile> listed = session.candidates(settings.dateFolders(), today.minusDays(settings.lookbackDays()),
                today).stream().filter(this::fetchableName).sorted(Comparator.comparing(RemoteFile::path)).toList();
        counters.listed.set(listed.size());
        Instant settled = now.minus(settings.quietPeriod());
        List<Job> resumed = new ArrayList<>();
        List<Job> fresh = new ArrayList<>();
        for (RemoteFile file : listed) {
            if (file.modified() != null && file.modified().isAfter(settled)) {
                continue;
            }
            Optional<LedgerEntry> entry = ledger.find(connectorId, file.path());
            Job job = new Job(file, entry.isPresent(), entry.map(LedgerEntry::sha256).orElse(null));
            if (entry.isEmpty()) {
                fresh.add(job);
            } else if (entry.get().state() == PullState.PENDING) {
                (entry.get().sameVersionAs(file) ? resumed : fresh).add(job);
            } else if (entry.get().state() != PullState.FETCHED && !entry.get().sameVersionAs(file)) {
                fresh.add(job);
            }
        }
        List<Job> recordings = fresh.stream().filter(job -> !isMetadata(job.file())).toList();
        Set<Job> picked = new HashSet<>(settings.picking().pick(recordings, job -> job.file().path(),
                job -> agentOf(job.file(), settings.convention())));
        List<RemoteFile> leftOut = new ArrayList<>();
        Set<String> leftOutNames = new HashSet<>();
        List<Job> work = new ArrayList<>(resumed);
        for (Job recording : recordings) {
            if (picked.contains(recording)) {
                work.add(recording);
            } else {
                leftOut.add(recording.file());
                leftOutNames.add(baseName(recording.file()));
            }
        }
        for (Job metadata : fresh.stream().filter(job -> isMetadata(job.file())).toList()) {
            // a sidecar (call-1.json beside call-1.wav) follows its recording; a batch CSV is always fetched
            if (leftOutNames.contains(baseName(metadata.file()))) {
                leftOut.add(metadata.file());
            } else {
                work.add(metadata);
            }
        }
        ledger.notPicked(connectorId, leftOut);
        counters.notPicked.addAndGet(leftOut.size());
        work.sort(Comparator.comparing(job -> job.file().path()));
        return work;
    }

    /** Leaves out hidden files, files still being uploaded, and names that could not be staged safely. */
    private boolean fetchableName(RemoteFile file) {
        String name = file.name();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            return false;
        }
        boolean safe = name.chars().noneMatch(c -> c == '\\' || c < 0x20)
                && List.of(file.path().split("/", -1)).stream().noneMatch(part -> part.isEmpty()
                || part.equals("..") || part.equals("."));
        if (!safe) {
            LOG.atWarn().addKeyValue("connector", connectorId).addKeyValue("path", file.path())
                    .log("remote file skipped: its name cannot be stored safely");
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

    /** Who made the recording, by the file-name convention (see {@link PickingRule#agentOf}). */
    static String agentOf(RemoteFile file, FileNameConvention convention) {
        return convention == null ? PickingRule.UNKNOWN_AGENT
                : PickingRule.agentOf(convention.extract(file.name()).fields());
    }
}
