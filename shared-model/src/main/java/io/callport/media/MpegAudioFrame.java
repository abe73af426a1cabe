package io.callport.media;

/**
 * The 4-byte header of an MPEG-1/2/2.5 audio frame (layers I, II and III), as found in MP3 files and in MPEG
 * program streams.
 *
 * @param version         10 for MPEG-1, 20 for MPEG-2, 25 for MPEG-2.5
 * @param layer           1, 2 or 3
 * @param bitrateKbps     the frame's bit rate
 * @param sampleRate      samples per second
 * @param channels        1 (mono) or 2
 * @param length          bytes in the frame, header included
 * @param samples         samples per channel in the frame
 * @param sideInfoBytes   layer III side information after the header, where an Xing/Info header would start
 */
record MpegAudioFrame(int version, int layer, int bitrateKbps, int sampleRate, int channels, int length,
                      int samples, int sideInfoBytes) {

    static final int HEADER_BYTES = 4;

    private static final int[][] BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};        // MPEG-2/2.5 layers II, III
    private static final int[] MPEG1_RATES = {44100, 48000, 32000};

    /** The frame header at {@code at}, or null when the bytes there are not a valid one. */
    static MpegAudioFrame parse(byte[] bytes, int at) {
        if (at < 0 || at + HEADER_BYTES > bytes.length || Bytes.u8(bytes, at) != 0xFF
                || (Bytes.u8(bytes, at + 1) & 0xE0) != 0xE0) {
            return null;
        }
        int versionBits = Bytes.u8(bytes, at + 1) >>> 3 & 0x3;
        int layerBits = Bytes.u8(bytes, at + 1) >>> 1 & 0x3;
        int bitrateIndex = Bytes.u8(bytes, at + 2) >>> 4;
        int rateIndex = Bytes.u8(bytes, at + 2) >>> 2 & 0x3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null; // reserved values, or "free format" whose frame length is not in the header
        }
        int version = switch (versionBits) {
            case 3 -> 10;
            case 2 -> 20;
            default -> 25;
        };
        int layer = 4 - layerBits;
        int padding = Bytes.u8(bytes, at + 2) >>> 1 & 0x1;
        boolean mono = (Bytes.u8(bytes, at + 3) >>> 6) == 3;
        int table = version == 10 ? layer - 1 : layer == 1 ? 3 : 4;
        int bitrate = BITRATES[table][bitrateIndex];
        int sampleRate = MPEG1_RATES[rateIndex] / (version == 10 ? 1 : version == 20 ? 2 : 4);
        int samples = layer == 1 ? 384 : layer == 2 || version == 10 ? 1152 : 576;
        int length = layer == 1
                ? (12 * bitrate * 1000 / sampleRate + padding) * 4
                : samples / 8 * bitrate * 1000 / sampleRate + padding;
        int sideInfo = version == 10 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return new MpegAudioFrame(version, layer, bitrate, sampleRate, mono ? 1 : 2, length, samples, sideInfo);
    }

    /** mp1, mp2 or mp3, in ffprobe's naming. */
    String codec() {
        return "mp" + layer;
    }

    /** Whether another frame header follows this one at the same rate and layer: rules out a chance sync word. */
    boolean continuesAt(byte[] bytes, int at) {
        MpegAudioFrame next = parse(bytes, at);
        return next != null && next.layer == layer && next.sampleRate == sampleRate;
    }
}
