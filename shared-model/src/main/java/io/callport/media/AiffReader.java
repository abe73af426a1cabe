package io.callport.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * AIFF and AIFF-C: big-endian chunks in a FORM. COMM gives channels, sample frames, bits and the rate (an 80-bit
 * float); SSND holds the samples.
 */
final class AiffReader implements ContainerReader {

    /** AIFF-C compression types other than plain big-endian PCM, in ffprobe's naming. */
    private static final Map<String, String> COMPRESSED_CODECS = Map.ofEntries(
            Map.entry("sowt", "pcm_s16le"),
            Map.entry("fl32", "pcm_f32be"),
            Map.entry("FL32", "pcm_f32be"),
            Map.entry("fl64", "pcm_f64be"),
            Map.entry("ulaw", "pcm_mulaw"),
            Map.entry("ULAW", "pcm_mulaw"),
            Map.entry("alaw", "pcm_alaw"),
            Map.entry("ALAW", "pcm_alaw"),
            Map.entry("ima4", "adpcm_ima_qt"),
            Map.entry("GSM ", "gsm"));

    @Override
    public MediaFormat format() {
        return MediaFormat.AIFF;
    }

    @Override
    public boolean recognises(byte[] head) {
        return Bytes.hasAscii(head, 0, "FORM") && (Bytes.hasAscii(head, 8, "AIFF") || Bytes.hasAscii(head, 8, "AIFC"));
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        boolean compressible = Bytes.hasAscii(source.readFully(12), 8, "AIFC");
        byte[] comm = null;
        long soundStart = -1;
        long soundDeclared = 0;
        while (source.remaining() >= 8 && (comm == null || soundStart < 0)) {
            byte[] header = source.readFully(8);
            long chunkStart = source.position();
            long length = Bytes.u32be(header, 4);
            switch (Bytes.ascii(header, 0, 4)) {
                case "COMM" -> comm = source.readFully((int) Math.min(length, 22));
                case "SSND" -> {
                    soundStart = chunkStart + 8; // after the offset and block-size fields
                    soundDeclared = Math.max(0, length - 8);
                }
                default -> { }
            }
            source.seek(chunkStart + length + (length & 1));
        }
        if (comm == null || comm.length < 18) {
            throw MediaFault.damaged("has a damaged AIFF header: it has no COMM chunk describing its audio");
        }
        int channels = Bytes.u16be(comm, 0);
        long frames = Bytes.u32be(comm, 2);
        int bits = Bytes.u16be(comm, 6);
        double rate = extendedFloat(comm, 8);
        String compression = compressible && comm.length >= 22 ? Bytes.ascii(comm, 18, 4) : "NONE";
        Duration duration = rate >= 1 ? MediaTime.ofSeconds(frames / rate) : Duration.ZERO;
        MediaInfo info = new MediaInfo(MediaFormat.AIFF, codec(compression, bits), channels, (int) Math.round(rate),
                duration, false);
        long present = soundStart < 0 ? 0 : Math.max(0, source.size() - soundStart);
        if (soundDeclared - present > (long) channels * Math.max(bits / 8, 1)) {
            return new Reading(info, Truncation.ofDeclaredLength("its AIFF header", soundDeclared, duration, present));
        }
        return Reading.whole(info);
    }

    private static String codec(String compression, int bits) {
        if (compression.equals("NONE") || compression.equals("twos")) {
            return bits <= 8 ? "pcm_s8" : "pcm_s" + bits + "be";
        }
        return COMPRESSED_CODECS.getOrDefault(compression, compression.strip());
    }

    /** The IEEE 754 80-bit extended float AIFF uses for the sample rate: 15-bit exponent, explicit 64-bit mantissa. */
    static double extendedFloat(byte[] bytes, int at) {
        int exponent = Bytes.u16be(bytes, at) & 0x7FFF;
        long mantissa = Bytes.u64be(bytes, at + 2);
        if (exponent == 0 && mantissa == 0) {
            return 0;
        }
        double value = Math.scalb((double) (mantissa >>> 11), exponent - 16383 - 52);
        return (bytes[at] & 0x80) != 0 ? -value : value;
    }
}
