package io.callport.server.pull;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One open connection to a {@link PullSource}; not shared between threads. */
public interface PullSession extends AutoCloseable {
    /**
     * The files directly in {@code folder} (relative to the base path, {@code ""} for the base path itself), with
     * paths relative to the base path. A date folder that does not exist (yet) has no files.
     */
    List<RemoteFile> list(String folder) throws PullException;

    /**
     * Writes the file's bytes from {@code offset} to its end into {@code target}, where the protocol can start
     * there (SFTP read offset, FTP {@code REST}, S3 {@code Range}). Remote failures are {@link PullException}s;
     * an {@link IOException} comes from writing {@code target}.
     */
    void fetch(RemoteFile file, long offset, OutputStream target) throws PullException, IOException;

    /** The SFTP host key's or FTPS certificate's SHA-256 fingerprint this connection saw; empty for S3 and FTP. */
    Optional<String> serverFingerprint();

    /** The candidates of a run: every file in the date folders from {@code from} to {@code to}, oldest folder first. */
    default List<RemoteFile> candidates(DateFolders dateFolders, LocalDate from, LocalDate to) throws PullException {
        List<RemoteFile> files = new ArrayList<>();
        for (String folder : dateFolders.between(from, to)) {
            files.addAll(list(folder));
        }
        return files;
    }

    @Override
    void close();
}
