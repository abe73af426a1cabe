package io.callport.server.sftp;

import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;

/**
 * MINA closes the handles a client left open when its session ends, through the same path as a client's own
 * close; it says "exiting" first, which is how an upload cut off mid-way is told from a finished one.
 */
final class DroppedConnectionListener implements SftpEventListener {

    @Override
    public void exiting(ServerSession session, Handle handle) {
        if (handle instanceof FileHandle file && file.getFileChannel() instanceof SftpUpload upload) {
            upload.abandon();
        }
    }
}
