package io.callport.media;

import java.io.IOException;
import java.time.Duration;

/** Sun/NeXT AU (.snd): a 24-byte big-endian header (data offset, data size, encoding, rate, channels). */
final class AuReader implements ContainerReader {

    private static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    /** An AU encoding number's codec and bits per sample. */
    private record Encoding(String codec, int bitsPerSample) {

        static Encoding of(long number) {
            return switch ((int) number) {
                case 1 -> new Encoding("pcm_mulaw", 8);
                case 2 -> new Encoding("pcm_s8", 8);
                case 3 -> new Encoding("pcm_s16be", 16);
                case 4 -> new Encoding("pcm_s24be", 24);
                case 5 -> new Encoding("pcm_s32be", 32);
                case 6 -> new Encoding("pcm_f32be", 32);
                case 7 -> new Encoding("pcm_f64be", 64);
                case 23 -> new Encoding("adpcm_g726", 4);
                case 25 -> new Encoding("adpcm_g726", 3);
                case 26 -> new Encoding("adpcm_g726", 5);
                case 27 -> new Encoding("pcm_alaw", 8);
                default -> null;
            };
        }
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.AU;
    }

    @Override
    public boolean recognises(byte[] head) {
        return Bytes.hasAscii(head, 0, ".snd");
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long start = source.position();
        byte[] header = source.readFully(24);
        long dataOffset = Bytes.u32be(header, 4);
        long declared = Bytes.u32be(header, 8);
        long encodingNumber = Bytes.u32be(header, 12);
        long rate = Bytes.u32be(header, 16);
        long channels = Bytes.u32be(header, 20);
        Encoding encoding = Encoding.of(encodingNumber);
        if (encoding == null) {
            throw MediaFault.damaged("has an AU header with encoding number " + encodingNumber
                    + ", which is not an audio encoding Callport knows");
        }
        long present = Math.max(0, source.size() - start - dataOffset);
        if (declared == SIZE_UNKNOWN) {
            declared = present;
        }
        Duration duration = MediaTime.of(declared * 8, encoding.bitsPerSample() * channels * rate);
        MediaInfo info = new MediaInfo(MediaFormat.AU, encoding.codec(), (int) Math.min(channels, Integer.MAX_VALUE),
                (int) Math.min(rate, Integer.MAX_VALUE), duration, false);
        if (declared - present > channels * Math.max(encoding.bitsPerSample() / 8, 1)) {
            return new Reading(info, Truncation.ofDeclaredLength("its AU header", declared, duration, present));
        }
        return Reading.whole(info);
    }
}
