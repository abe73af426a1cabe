package io.callport.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Permanent storage for recordings, by key ({@code <org>/<campaign>/<shard>/<call>-<file name>}). Writing a key again
 * replaces its content, so storing a recording twice (a retried step) leaves one copy.
 */
public interface RecordingStore {

    /** Stores the file's content under the key; the file itself is left in place. */
    void put(String key, Path source) throws IOException;

    /** The content stored under the key. */
    InputStream open(String key) throws IOException;

    /** Deletes the content under the key; nothing happens when there is none. */
    void delete(String key) throws IOException;
}
