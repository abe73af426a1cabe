package io.callport.server.sftp;

import io.callport.server.landing.DiskFullException;
import io.callport.server.landing.FileTooLargeException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * Sends our own sentences for refusals, size limits and a full disk instead of MINA's generic texts; every other
 * error keeps MINA's generic text, which never carries a server-side path.
 */
final class RefusalStatus implements SftpErrorStatusDataHandler {
    /**
     * SSH_FX_QUOTA_EXCEEDED and SSH_FX_NO_SPACE_ON_FILESYSTEM exist from SFTP version 5; OpenSSH and most clients
     * speak version 3, where both are SSH_FX_FAILURE with our sentence.
     */
    private static final int FIRST_VERSION_WITH_SPACE_STATUSES = 5;

    @Override
    public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
        if (e instanceof FileTooLargeException || e instanceof DiskFullException) {
            if (sftp.getVersion() < FIRST_VERSION_WITH_SPACE_STATUSES) {
                return SftpConstants.SSH_FX_FAILURE;
            }
            return e instanceof DiskFullException ? SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM
                    : SftpConstants.SSH_FX_QUOTA_EXCEEDED;
        }
        return SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, id, e, cmd, args);
    }

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
                                      Object... args) {
        if (e instanceof FileTooLargeException || e instanceof DiskFullException || e instanceof Refusal) {
            return e.getMessage();
        }
        return SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
    }
}
