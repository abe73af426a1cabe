package io.callport.media;

import io.callport.validate.IssueCode;

/** Content that a reader recognised but cannot take in: a damaged or missing header, or a container with no audio. */
final class MediaFault extends Exception {

    private final IssueCode code;

    private MediaFault(IssueCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    /** @param detail a phrase following the file's name: "has a damaged WAV header: its fmt chunk says 0 channels" */
    static MediaFault damaged(String detail) {
        return new MediaFault(IssueCode.MEDIA_CORRUPT, detail);
    }

    /** @param detail a phrase following the file's name: "is an MP4 video with no audio track" */
    static MediaFault noAudio(String detail) {
        return new MediaFault(IssueCode.MEDIA_NOT_AUDIO, detail);
    }

    /**
     * The file ends before the structure that holds its format or length, so there is nothing to report but the cut.
     *
     * @param detail a phrase following the file's name: "is cut off before its index (moov box)"
     */
    static MediaFault truncated(String detail) {
        return new MediaFault(IssueCode.MEDIA_TRUNCATED, detail);
    }

    IssueCode code() {
        return code;
    }

    /** The phrase that follows the file's name in the issue's message. */
    String detail() {
        return getMessage();
    }
}
