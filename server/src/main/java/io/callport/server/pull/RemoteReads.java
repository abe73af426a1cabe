package io.callport.server.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies a remote stream to a local one, telling a broken connection apart from a failing local disk. */
final class RemoteReads {
    private static final int BUFFER = 64 * 1024;

    private RemoteReads() {
    }

    static long copy(InputStream remote, OutputStream local, String what) throws PullException, IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        while (true) {
            int n;
            try {
                n = remote.read(buffer);
            } catch (IOException e) {
                throw new PullException(PullFailure.CONNECTION_LOST, "The transfer of " + what + " broke off after "
                        + total + " bytes: " + e.getMessage(), e);
            }
            if (n < 0) {
                return total;
            }
            local.write(buffer, 0, n);
            total += n;
        }
    }
}
