package io.callport.server.sftp;

import io.callport.server.landing.FileTooLargeException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * Sends our own sentences for refusals and size limits instead of MINA's generic texts; every other error keeps
 * MINA's generic text, which never carries a server-side path.
 */
final class RefusalStatus implements SftpErrorStatusDataHandler {
    /** SSH_FX_QUOTA_EXCEEDED exists from SFTP version 5; OpenSSH and most clients speak version 3. */
    private static final int FIRST_VERSION_WITH_QUOTA_STATUS = 5;

    @Override
    public int resolveSubStatus(SftpSubsystemEnvironment sftp, int id, Throwable e, int cmd, Object... args) {
        if (e instanceof FileTooLargeException) {
            return sftp.getVersion() >= FIRST_VERSION_WITH_QUOTA_STATUS
                    ? SftpConstants.SSH_FX_QUOTA_EXCEEDED
                    : SftpConstants.SSH_FX_FAILURE;
        }
        return SftpErrorStatusDataHandler.super.resolveSubStatus(sftp, id, e, cmd, args);
    }

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
                                      Object... args) {
        if (e instanceof FileTooLargeException || e instanceof Refusal) {
            return e.getMessage();
        }
        return SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
    }
}
