package io.callport.server.pull;

/** Why a connector or one of its files could not be fetched; shown on the campaign with the message. */
public enum PullFailure {
    /** The host does not answer, the name does not resolve, or the connection times out. */
    UNREACHABLE(true),
    /** The server refused the username, password, key or access key. */
    BAD_CREDENTIALS(true),
    /** The SFTP host key or FTPS certificate differs from the one pinned on first use. */
    HOST_KEY_CHANGED(true),
    /** The account may not read the base path, a folder or a file. */
    PERMISSION_DENIED(false),
    /** The base path, bucket or a file is not there. */
    NOT_FOUND(false),
    /** The stored credentials do not decrypt with this server's credential key. */
    CREDENTIALS_UNREADABLE(true),
    /** The file's size changed between the listing and the fetch: it is still being written or was replaced. */
    FILE_CHANGED(false),
    /** The connection dropped or the server answered out of protocol in the middle of a run. */
    CONNECTION_LOST(true),
    /** This server could not write a fetched file to its own staging folder (disk full, permissions). */
    LOCAL_STORAGE(true);

    private final boolean endsSession;

    PullFailure(boolean endsSession) {
        this.endsSession = endsSession;
    }

    /** True when nothing more can be done on this connection; false when only the file or folder concerned failed. */
    public boolean endsSession() {
        return endsSession;
    }
}
