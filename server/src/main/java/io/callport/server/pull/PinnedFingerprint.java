package io.callport.server.pull;

/**
 * The fingerprint a connector pinned on its first connection (an SFTP host key or an FTPS certificate), checked
 * against what the server presents on one connection attempt.
 */
final class PinnedFingerprint {
    private final String pinned;
    private String presented;

    /** @param pinned the fingerprint seen first, or null to pin whatever this connection presents */
    PinnedFingerprint(String pinned) {
        this.pinned = pinned;
    }

    /** Remembers what the server presented; false when a different fingerprint is pinned. */
    boolean accepts(String fingerprint) {
        presented = fingerprint;
        return !changed();
    }

    /** The fingerprint the server presented, or null before it did. */
    String presented() {
        return presented;
    }

    boolean changed() {
        return pinned != null && presented != null && !pinned.equals(presented);
    }

    /**
     * Why nothing was fetched from a server that presented another key than the pinned one.
     *
     * @param server the protocol and address, e.g. {@code SFTP server host:22}
     * @param kind what was pinned: {@code host key} or {@code certificate}
     */
    PullException changedFailure(String server, String kind, Exception cause) {
        return PullException.hostKeyChanged("The " + server + " presented the " + kind + " " + presented + ", but "
                + pinned + " was pinned when the connector first connected. Nothing was fetched. If the customer "
                + "replaced the " + kind + ", confirm the new one on the connector; otherwise someone may be "
                + "intercepting the connection.", presented, cause);
    }
}
