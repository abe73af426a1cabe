package io.callport.media;

import java.util.Locale;
import java.util.Map;

/**
 * A WAVEFORMATEX structure, which both WAV files (the fmt chunk) and Windows Media files (the audio stream's
 * properties) use to describe their audio.
 *
 * @param tag           the format tag (1 = PCM, 6 = A-law, 7 = mu-law, 0x31 = GSM 6.10, 0x161 = WMA 2, ...)
 * @param channels      channel count
 * @param sampleRate    samples per second per channel
 * @param bytesPerSecond average data rate
 * @param blockAlign    bytes in one block (a PCM frame, or a block of compressed samples)
 * @param bitsPerSample bits in one sample; 0 for some compressed formats
 */
record WaveFormat(int tag, int channels, long sampleRate, long bytesPerSecond, int blockAlign, int bitsPerSample) {

    static final int PCM = 0x0001;
    static final int IEEE_FLOAT = 0x0003;
    static final int EXTENSIBLE = 0xFFFE;
    /** The structure's size without the extension that compressed formats append. */
    static final int BASE_SIZE = 16;

    private static final Map<Integer, String> CODECS = Map.ofEntries(
            Map.entry(0x0002, "adpcm_ms"),
            Map.entry(0x0006, "pcm_alaw"),
            Map.entry(0x0007, "pcm_mulaw"),
            Map.entry(0x0011, "adpcm_ima_wav"),
            Map.entry(0x0022, "truespeech"),
            Map.entry(0x0031, "gsm_ms"),
            Map.entry(0x0040, "g721"),
            Map.entry(0x0042, "g723_1"),
            Map.entry(0x0050, "mp2"),
            Map.entry(0x0055, "mp3"),
            Map.entry(0x0064, "adpcm_g726"),
            Map.entry(0x000A, "wmavoice"),
            Map.entry(0x0160, "wmav1"),
            Map.entry(0x0161, "wmav2"),
            Map.entry(0x0162, "wmapro"),
            Map.entry(0x0163, "wmalossless"),
            Map.entry(0x028F, "adpcm_g722"));

    /**
     * Parses the structure; for WAVE_FORMAT_EXTENSIBLE the real format tag comes from the sub-format GUID, whose
     * first two bytes are the tag.
     */
    static WaveFormat parse(byte[] bytes, int at) {
        int tag = Bytes.u16le(bytes, at);
        if (tag == EXTENSIBLE && bytes.length >= at + 26) {
            tag = Bytes.u16le(bytes, at + 24);
        }
        return new WaveFormat(tag, Bytes.u16le(bytes, at + 2), Bytes.u32le(bytes, at + 4), Bytes.u32le(bytes, at + 8),
                Bytes.u16le(bytes, at + 12), Bytes.u16le(bytes, at + 14));
    }

    boolean isPcm() {
        return tag == PCM || tag == IEEE_FLOAT;
    }

    /** The codec in ffprobe's naming: {@code pcm_s16le}, {@code pcm_mulaw}, {@code gsm_ms}, {@code wmav2}, ... */
    String codec() {
        if (tag == PCM) {
            return bitsPerSample <= 8 ? "pcm_u8" : "pcm_s" + bitsPerSample + "le";
        }
        if (tag == IEEE_FLOAT) {
            return "pcm_f" + bitsPerSample + "le";
        }
        return CODECS.getOrDefault(tag, String.format(Locale.ROOT, "wave format 0x%04X", tag));
    }
}
