package io.callport.service.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What has been sent to one campaign of one server, so an upload cut short (network, crash, the app closed) goes on
 * without sending a finished file again. Each batch appends to its own journal file, one JSON line per event, forced
 * to disk before the event counts; a torn last line after a crash is ignored. A file counts as sent when a journal of
 * the same destination names it with the same path, size and modification time; its SHA-256 is recorded with it.
 * A tus upload's address is recorded when it starts, so it resumes at the server's offset; an SFTP transfer is
 * recorded when it starts, so it resumes at the size of its temporary file on the server.
 */
public final class UploadJournal implements Closeable {
    static final String SUFFIX = ".journal";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path file;
    private final FileChannel channel;
    private final Clock clock;
    private final Map<FileVersion, Entry> sent = new HashMap<>();
    private final Map<FileVersion, URI> tusUploads = new HashMap<>();
    private final Set<FileVersion> renaming = new HashSet<>();
    private final Set<FileVersion> sftpBegun = new HashSet<>();

    private UploadJournal(Path file, FileChannel channel, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * Opens the journal of a batch, reading every journal of the same destination.
     *
     * @param folder      where journals are kept (one subfolder per destination)
     * @param destination the server and campaign, such as {@code https://callport.example.com cmp_123}
     * @param plan        the batch, which names its journal
     */
    public static UploadJournal open(Path folder, String destination, UploadPlan plan, Clock clock)
            throws IOException {
        Path destinationFolder = folder.resolve(shortHash(destination));
        Files.createDirectories(destinationFolder);
        String batch = shortHash(String.join("\n", plan.items().stream().map(item -> item.path().toString())
                .sorted().toList()));
        Path file = destinationFolder.resolve(batch + SUFFIX);
        UploadJournal journal = new UploadJournal(file, FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND), clock);
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(destinationFolder, "*" + SUFFIX)) {
            for (Path each : journals) {
                journal.replay(each);
            }
        }
        return journal;
    }

    /**
     * What the journals of a destination say was sent, read without starting a journal: for choosing which files of
     * a watched folder are new.
     */
    static UploadJournal history(Path folder, String destination) throws IOException {
        UploadJournal history = new UploadJournal(null, null, Clock.systemUTC());
        Path destinationFolder = folder.resolve(shortHash(destination));
        if (Files.isDirectory(destinationFolder)) {
            try (DirectoryStream<Path> journals = Files.newDirectoryStream(destinationFolder, "*" + SUFFIX)) {
                for (Path each : journals) {
                    history.replay(each);
                }
            }
        }
        return history;
    }

    /** Whether this version of the file (same path, size and modification time) was sent before. */
    public synchronized boolean wasSent(UploadItem item) {
        return sent.containsKey(FileVersion.of(item));
    }

    /** Records that the server has the whole file; forced to disk before it returns. */
    public synchronized void sent(UploadItem item, String sha256) throws IOException {
        Entry entry = new Entry("sent", item.path().toString(), item.size(), item.modified(), sha256, null,
                clock.instant().toString());
        append(entry);
        sent.put(FileVersion.of(item), entry);
        tusUploads.remove(FileVersion.of(item));
    }

    /** The tus upload started for this version of the file, if one was. */
    public synchronized Optional<URI> tusUpload(UploadItem item) {
        return Optional.ofNullable(tusUploads.get(FileVersion.of(item)));
    }

    public synchronized void tusStarted(UploadItem item, URI upload) throws IOException {
        append(new Entry("tus", item.path().toString(), item.size(), item.modified(), null, upload.toString(),
                clock.instant().toString()));
        tusUploads.put(FileVersion.of(item), upload);
    }

    /** Forgets a tus upload the server no longer has (expired or removed), so a new one is started. */
    public synchronized void tusGone(UploadItem item) throws IOException {
        append(new Entry("tus-gone", item.path().toString(), item.size(), item.modified(), null, null,
                clock.instant().toString()));
        tusUploads.remove(FileVersion.of(item));
    }

    /**
     * Records that the file is about to be renamed to its final name on the server: if the answer is lost (a cut
     * connection, a cancel, the app closed), the next try finds the file there instead of sending it again. Not
     * forced to disk: after a power cut the file is merely sent again.
     */
    public synchronized void renaming(UploadItem item) throws IOException {
        append(new Entry("renaming", item.path().toString(), item.size(), item.modified(), null, null,
                clock.instant().toString()), false);
        renaming.add(FileVersion.of(item));
    }

    /**
     * Records that this version of the file is being written under its temporary name over SFTP, so a later try may
     * resume at the size the server holds. Not forced to disk: after a power cut the file is merely sent whole.
     */
    public synchronized void sftpBegun(UploadItem item) throws IOException {
        append(new Entry("sftp", item.path().toString(), item.size(), item.modified(), null, null,
                clock.instant().toString()), false);
        sftpBegun.add(FileVersion.of(item));
    }

    /**
     * Whether this version of the file was begun under its temporary name before, so what the server holds under that
     * name is its beginning rather than another file's.
     */
    public synchronized boolean mayResumeSftp(UploadItem item) {
        return sftpBegun.contains(FileVersion.of(item));
    }

    /** Whether an earlier try may have renamed this version of the file without hearing back. */
    public synchronized boolean mayHaveLanded(UploadItem item) {
        return renaming.contains(FileVersion.of(item));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    private void append(Entry entry) throws IOException {
        append(entry, true);
    }

    private void append(Entry entry, boolean force) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("A journal's history is read, not written.");
        }
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        if (force) {
            channel.force(false);
        }
    }

    private void replay(Path journal) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Entry entry;
                try {
                    entry = JSON.readValue(line, Entry.class);
                } catch (JsonProcessingException torn) {
                    continue; // the last line of a journal written when the computer stopped
                }
                FileVersion version = new FileVersion(entry.path(), entry.size(), entry.modified());
                switch (entry.event()) {
                    case "sent" -> {
                        sent.put(version, entry);
                        tusUploads.remove(version);
                    }
                    case "tus" -> {
                        if (!sent.containsKey(version)) {
                            tusUploads.put(version, URI.create(entry.upload()));
                        }
                    }
                    case "tus-gone" -> tusUploads.remove(version);
                    case "renaming" -> renaming.add(version);
                    case "sftp" -> sftpBegun.add(version);
                    default -> { } // written by a newer Uploader
                }
            }
        }
    }

    static String shortHash(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** A file as it was: the same path with another size or time is another version, sent again. */
    private record FileVersion(String path, long size, long modified) {
        static FileVersion of(UploadItem item) {
            return new FileVersion(item.path().toString(), item.size(), item.modified());
        }
    }

    /** One line of a journal. */
    private record Entry(String event, String path, long size, long modified, String sha256, String upload,
                         String at) {
    }
}
