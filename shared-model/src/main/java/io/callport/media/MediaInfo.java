package io.callport.media;

import java.time.Duration;
import java.util.Objects;

/**
 * What a recording holds, as its container states it.
 *
 * @param format       the container found in the content (not the one the extension claims)
 * @param codec        the audio codec in ffprobe's naming ({@code pcm_s16le}, {@code pcm_mulaw}, {@code gsm_ms},
 *                     {@code mp3}, {@code aac}, {@code opus}, ...)
 * @param channels     audio channels; 0 when the container cannot be read (Webex ARF)
 * @param sampleRateHz audio sample rate; 0 when the container cannot be read (Webex ARF)
 * @param duration     the playing time the container states; {@code null} only when the container cannot be read
 *                     (Webex ARF)
 * @param hasVideo     whether the container also carries a video track
 */
public record MediaInfo(MediaFormat format, String codec, int channels, int sampleRateHz, Duration duration,
                        boolean hasVideo) {

    public MediaInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codec, "codec");
    }

    /** Whether the container states its playing time (every format but Webex ARF does). */
    public boolean durationKnown() {
        return duration != null;
    }

    /** "pcm_s16le, stereo, 8000 Hz": the audio found, for messages. */
    public String describeAudio() {
        StringBuilder text = new StringBuilder(codec);
        if (channels > 0) {
            text.append(", ").append(switch (channels) {
                case 1 -> "mono";
                case 2 -> "stereo";
                default -> channels + " channels";
            });
        }
        if (sampleRateHz > 0) {
            text.append(", ").append(sampleRateHz).append(" Hz");
        }
        if (hasVideo) {
            text.append(", with video");
        }
        return text.toString();
    }
}
