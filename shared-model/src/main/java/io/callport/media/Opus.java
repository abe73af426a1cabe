package io.callport.media;

/**
 * Opus always decodes at 48 kHz, and its timestamps count 48 kHz samples. The rate its headers carry (Ogg's
 * "input sample rate", Matroska's SamplingFrequency as some muxers fill it) only records what was encoded, so the
 * probe reports 48 kHz, as players and ffprobe do.
 */
final class Opus {

    static final int DECODING_RATE = 48_000;

    private Opus() {
    }
}
