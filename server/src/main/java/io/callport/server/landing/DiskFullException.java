package io.callport.server.landing;

import java.io.IOException;

/**
 * The disk under the landing area had no room for a write. Its message is a sentence for the person sending the
 * file; what the operating system said is its cause.
 */
public final class DiskFullException extends IOException {

    DiskFullException(String fileName, IOException cause) {
        super("The server's disk is full, so " + fileName + " could not be stored. Send it again once the server's "
                + "administrator has freed space.", cause);
    }

    /** Whether the operating system said the disk is full: ENOSPC on Linux and macOS, ERROR_DISK_FULL on Windows. */
    static boolean isDiskFull(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("No space left on device")
                || message.contains("not enough space on the disk"));
    }
}
