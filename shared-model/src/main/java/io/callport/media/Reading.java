package io.callport.media;

/**
 * What a container reader found.
 *
 * @param info       the recording as the container states it
 * @param truncation how the file falls short of its own structure; null when it does not
 */
record Reading(MediaInfo info, Truncation truncation) {

    static Reading whole(MediaInfo info) {
        return new Reading(info, null);
    }
}
