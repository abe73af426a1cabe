package io.callport.media;

import java.io.IOException;
import java.time.Duration;

/**
 * FLAC: "fLaC", then metadata blocks, the first of which (STREAMINFO) states the rate, channels and total samples.
 * The last frame's header, found in the tail, tells how many samples the file really holds: that gives the length
 * when STREAMINFO leaves it out (a stream encoded on the fly) and shows a cut-off file.
 */
final class FlacReader implements ContainerReader {

    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_BYTES = 34;
    /** The sample rates frame-header rate codes 1 to 11 stand for (0 means "as in STREAMINFO"). */
    private static final int[] FRAME_RATES =
            {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000};

    @Override
    public MediaFormat format() {
        return MediaFormat.FLAC;
    }

    @Override
    public boolean recognises(byte[] head) {
        return Bytes.hasAscii(head, 0, "fLaC");
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        source.skip(4);
        byte[] blockHeader = source.readFully(4);
        if ((blockHeader[0] & 0x7F) != STREAMINFO || Bytes.u24be(blockHeader, 1) < STREAMINFO_BYTES) {
            throw MediaFault.damaged("has a damaged FLAC header: it does not start with a STREAMINFO block");
        }
        byte[] info = source.readFully(STREAMINFO_BYTES);
        int fixedBlockSize = Bytes.u16be(info, 0);
        int maxBlockSize = Bytes.u16be(info, 2);
        int rate = Bytes.u24be(info, 10) >>> 4;
        int channels = (Bytes.u8(info, 12) >>> 1 & 0x7) + 1;
        long declaredSamples = (Bytes.u8(info, 13) & 0xFL) << 32 | Bytes.u32be(info, 14);
        if (rate == 0) {
            throw MediaFault.damaged("has a damaged FLAC header: its STREAMINFO states a sample rate of 0 Hz");
        }
        long presentSamples = lastFrameEnd(source.tail(ByteSource.TAIL_BYTES), fixedBlockSize, rate);
        if (declaredSamples == 0 && presentSamples < 0) {
            throw MediaFault.damaged("has no readable FLAC frames, and its STREAMINFO does not state its length");
        }
        long samples = declaredSamples > 0 ? declaredSamples : presentSamples;
        MediaInfo media = new MediaInfo(MediaFormat.FLAC, "flac", channels, rate, MediaTime.of(samples, rate), false);
        if (declaredSamples > 0 && presentSamples >= 0 && declaredSamples - presentSamples > maxBlockSize) {
            return new Reading(media, Truncation.ofDeclaredDuration("its FLAC header", media.duration(),
                    MediaTime.of(presentSamples, rate)));
        }
        return Reading.whole(media);
    }

    /** The sample number just after the last valid frame header's block, or -1 when the tail holds none. */
    private static long lastFrameEnd(byte[] tail, int fixedBlockSize, int rate) {
        for (int at = tail.length - 6; at >= 0; at--) {
            if (Bytes.u8(tail, at) == 0xFF && (Bytes.u8(tail, at + 1) & 0xFE) == 0xF8) {
                long end = frameEnd(tail, at, fixedBlockSize, rate);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * Parses a frame header at {@code at}: the coded frame (fixed block size) or sample (variable) number, the
     * block size, and a CRC-8 over the header that rules out chance matches. Returns -1 when it is not one.
     */
    private static long frameEnd(byte[] bytes, int at, int fixedBlockSize, int rate) {
        boolean variable = (bytes[at + 1] & 1) == 1;
        int blockCode = Bytes.u8(bytes, at + 2) >>> 4;
        int rateCode = Bytes.u8(bytes, at + 2) & 0xF;
        boolean rateContradicts = rateCode >= 1 && rateCode <= 11 && FRAME_RATES[rateCode] != rate;
        if (blockCode == 0 || rateCode == 15 || rateContradicts || (Bytes.u8(bytes, at + 3) & 1) != 0
                || (Bytes.u8(bytes, at + 3) >>> 4) > 10) {
            return -1;
        }
        int pos = at + 4;
        int first = Bytes.u8(bytes, pos);
        int extra = Integer.numberOfLeadingZeros(~first << 24);
        if (extra == 1 || extra > 7 || pos + Math.max(extra, 1) + 4 > bytes.length) {
            return -1;
        }
        long number = extra == 0 ? first : first & (0x7F >>> extra);
        for (int i = 1; i < extra; i++) {
            int next = Bytes.u8(bytes, pos + i);
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            number = number << 6 | (next & 0x3F);
        }
        pos += Math.max(extra, 1);
        int blockSize = switch (blockCode) {
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (blockCode - 2);
            case 6 -> Bytes.u8(bytes, pos) + 1;
            case 7 -> Bytes.u16be(bytes, pos) + 1;
            default -> 256 << (blockCode - 8);
        };
        pos += blockCode == 6 ? 1 : blockCode == 7 ? 2 : 0;
        pos += switch (rateCode) {
            case 12 -> 1;
            case 13, 14 -> 2;
            default -> 0;
        };
        if (pos >= bytes.length || crc8(bytes, at, pos) != Bytes.u8(bytes, pos)) {
            return -1;
        }
        return variable ? number + blockSize : number * fixedBlockSize + blockSize;
    }

    /** CRC-8 with polynomial x^8 + x^2 + x + 1, as FLAC frame headers use. */
    private static int crc8(byte[] bytes, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
            }
        }
        return crc;
    }
}
