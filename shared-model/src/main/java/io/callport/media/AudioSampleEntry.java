package io.callport.media;

import java.util.Map;

/**
 * The audio sample entry of an MP4 stsd box: the codec's four-character code, channels and sample rate (QuickTime
 * sound description versions 0, 1 and 2), and for 'mp4a' the object type in its esds box that tells AAC from MP3.
 *
 * @param codec      the codec in ffprobe's naming
 * @param channels   channel count
 * @param sampleRate samples per second; 0 when the entry leaves it out
 */
record AudioSampleEntry(String codec, int channels, int sampleRate) {

    /** Where the first entry starts in the stsd body: after version/flags and the entry count. */
    private static final int ENTRY = 8;
    /** Where the entry's own fields start: after its size, type, 6 reserved bytes and the data reference index. */
    private static final int FIELDS = ENTRY + 16;

    private static final Map<String, String> CODECS = Map.ofEntries(
            Map.entry("mp4a", "aac"),
            Map.entry("alac", "alac"),
            Map.entry("samr", "amr_nb"),
            Map.entry("sawb", "amr_wb"),
            Map.entry("Opus", "opus"),
            Map.entry("fLaC", "flac"),
            Map.entry("ulaw", "pcm_mulaw"),
            Map.entry("alaw", "pcm_alaw"),
            Map.entry("sowt", "pcm_s16le"),
            Map.entry("twos", "pcm_s16be"),
            Map.entry("ac-3", "ac3"),
            Map.entry("ec-3", "eac3"),
            Map.entry(".mp3", "mp3"),
            Map.entry("ima4", "adpcm_ima_qt"));

    /** The first entry of an stsd body, or null when it is too short to hold one. */
    static AudioSampleEntry parse(byte[] stsd) {
        if (stsd.length < FIELDS + 20) {
            return null;
        }
        String type = Bytes.ascii(stsd, ENTRY + 4, 4);
        int version = Bytes.u16be(stsd, FIELDS);
        int channels = Bytes.u16be(stsd, FIELDS + 8);
        int sampleRate = Bytes.u16be(stsd, FIELDS + 16); // 16.16 fixed point: the integer half
        int childrenAt = FIELDS + 20 + (version == 1 ? 16 : 0);
        if (version == 2 && stsd.length >= FIELDS + 40) {
            sampleRate = (int) Math.round(Double.longBitsToDouble(Bytes.u64be(stsd, FIELDS + 24)));
            channels = (int) Bytes.u32be(stsd, FIELDS + 32);
            childrenAt = FIELDS + 56;
        }
        String codec = CODECS.getOrDefault(type, type.strip());
        if (type.equals("mp4a")) {
            codec = mp4aCodec(stsd, childrenAt, codec);
        }
        return new AudioSampleEntry(codec, channels, sampleRate);
    }

    /** The codec named by the object type indication in the entry's esds box, when it has one. */
    private static String mp4aCodec(byte[] bytes, int childrenAt, String fallback) {
        for (int at = childrenAt; at + 8 <= bytes.length; ) {
            long size = Bytes.u32be(bytes, at);
            if (Bytes.hasAscii(bytes, at + 4, "esds")) {
                int objectType = esdsObjectType(bytes, at + 12, (int) Math.min(bytes.length, at + size));
                return switch (objectType) {
                    case 0x69, 0x6B -> "mp3";
                    case 0xA5 -> "ac3";
                    case 0xA6 -> "eac3";
                    default -> fallback;
                };
            }
            if (size < 8) {
                break;
            }
            at += (int) size;
        }
        return fallback;
    }

    /** Walks ES_Descriptor (tag 3) to DecoderConfigDescriptor (tag 4) and returns its objectTypeIndication, or -1. */
    private static int esdsObjectType(byte[] bytes, int at, int end) {
        int pos = at;
        if (pos >= end || bytes[pos] != 0x03) {
            return -1;
        }
        pos = skipDescriptorLength(bytes, pos + 1, end) + 2; // ES_ID
        if (pos >= end) {
            return -1;
        }
        int flags = Bytes.u8(bytes, pos++);
        if ((flags & 0x80) != 0) {
            pos += 2; // depends-on ES_ID
        }
        if ((flags & 0x40) != 0 && pos < end) {
            pos += 1 + Bytes.u8(bytes, pos); // URL
        }
        if ((flags & 0x20) != 0) {
            pos += 2; // OCR ES_ID
        }
        if (pos >= end || bytes[pos] != 0x04) {
            return -1;
        }
        pos = skipDescriptorLength(bytes, pos + 1, end);
        return pos < end ? Bytes.u8(bytes, pos) : -1;
    }

    /** Descriptor lengths take 1 to 4 bytes, 7 bits each, the high bit meaning "more follows". */
    private static int skipDescriptorLength(byte[] bytes, int at, int end) {
        int pos = at;
        for (int i = 0; i < 4 && pos < end; i++) {
            if ((bytes[pos++] & 0x80) == 0) {
                break;
            }
        }
        return pos;
    }
}
