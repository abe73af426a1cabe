package io.callport.service.upload;

/** Where a file of an upload is. */
public enum FileState {
    /** Not started yet. */
    WAITING,
    SENDING,
    /** A try failed; it is tried again after a wait. */
    RETRYING,
    /** The server has it. */
    SENT,
    /** The journal says the server had it already; it was not sent again. */
    SENT_BEFORE,
    /** Given up: refused, or every try failed. */
    FAILED,
    CANCELLED;

    /** Whether nothing more happens to the file in this upload. */
    public boolean isFinal() {
        return this == SENT || this == SENT_BEFORE || this == FAILED || this == CANCELLED;
    }

    /** Whether the server has the file. */
    public boolean isAccepted() {
        return this == SENT || this == SENT_BEFORE;
    }
}
