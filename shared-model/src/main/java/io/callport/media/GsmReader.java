package io.callport.media;

import java.io.IOException;

/**
 * Raw GSM 06.10 full-rate speech: headerless 33-byte frames of 20 ms (160 samples at 8 kHz, mono). Every frame
 * starts with the signature nibble 0xD, which is all there is to recognise it by, so it is tried last.
 */
final class GsmReader implements ContainerReader {

    private static final int FRAME_BYTES = 33;
    private static final int SAMPLES_PER_FRAME = 160;
    private static final int SAMPLE_RATE = 8000;

    @Override
    public MediaFormat format() {
        return MediaFormat.GSM;
    }

    /** Every whole frame in the head starts with 0xD: a chance of 1 in 16 per frame for other data. */
    @Override
    public boolean recognises(byte[] head) {
        if (head.length < FRAME_BYTES) {
            return false;
        }
        for (int at = 0; at + FRAME_BYTES <= head.length; at += FRAME_BYTES) {
            if ((head[at] & 0xF0) != 0xD0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Reading read(ByteSource source) throws IOException {
        long bytes = source.remaining();
        long frames = bytes / FRAME_BYTES;
        MediaInfo info = new MediaInfo(MediaFormat.GSM, "gsm", 1, SAMPLE_RATE,
                MediaTime.of(frames * SAMPLES_PER_FRAME, SAMPLE_RATE), false);
        long partial = bytes % FRAME_BYTES;
        return partial == 0 ? Reading.whole(info)
                : new Reading(info, Truncation.ofLastUnit("GSM frame", FRAME_BYTES, partial));
    }
}
