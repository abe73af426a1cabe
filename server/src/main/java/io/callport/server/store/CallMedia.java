package io.callport.server.store;

/**
 * What a call's recording holds, as the media probe read it.
 *
 * @param format       the container (WAV, MP3, ...)
 * @param codec        the audio codec in ffprobe's naming
 * @param durationMs   the playing time in milliseconds; null when the container does not state it (Webex ARF)
 * @param channels     audio channels (2: agent and customer kept apart); 0 when unknown
 * @param sampleRateHz audio sample rate; 0 when unknown
 */
public record CallMedia(String format, String codec, Long durationMs, int channels, int sampleRateHz) {
}
