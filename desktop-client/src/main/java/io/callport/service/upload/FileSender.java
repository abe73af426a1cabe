package io.callport.service.upload;

import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * One lane of an upload: sends one file at a time to the server over its own channel. A lane's failures say what
 * kind they are: a {@link TransferRefusedException} is final, any other {@link IOException} may pass on a retry.
 */
interface FileSender extends AutoCloseable {

    /**
     * Sends the file whole, from the start or from where the server says it has got to.
     *
     * @param progress told how many bytes of the file the server has or is receiving, first where this try starts:
     *                 what the server already holds
     * @return the SHA-256 of the file, in hex
     */
    String send(UploadItem item, LongConsumer progress) throws IOException;

    /** Breaks off the transfer in progress, from another thread, when the upload is cancelled. */
    void abort();

    @Override
    void close();
}
