package io.callport.media;

import java.io.IOException;
import java.time.Duration;

/**
 * MPEG audio (MP3, and MP2/MP1) as a bare sequence of frames. The first frame may carry an Xing/Info (LAME) or
 * VBRI header stating the frame and byte counts; without one, every frame header is walked and the frames summed.
 * A leading ID3v2 tag has already been skipped by the probe.
 */
final class Mp3Reader implements ContainerReader {

    /** How far into the content the first frame may start (encoders pad after the tag). */
    private static final int FIRST_FRAME_SEARCH = 4096;
    /** How far to look for the next frame after a damaged stretch. */
    private static final int RESYNC_SEARCH = 64 * 1024;
    private static final String[] TRAILING_TAGS = {"TAG", "APETAGEX", "LYRICSBEGIN"};

    /** What an Xing/Info or VBRI header states; -1 for a count it leaves out. */
    private record StatedTotals(String header, long frames, long bytes) {
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.MP3;
    }

    @Override
    public boolean recognises(byte[] head) {
        return firstFrame(head, Math.min(head.length, FIRST_FRAME_SEARCH)) >= 0;
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long start = source.position();
        byte[] window = source.readUpTo(FIRST_FRAME_SEARCH + 2 * 2881);
        int offset = firstFrame(window, FIRST_FRAME_SEARCH);
        if (offset < 0) {
            throw MediaFault.damaged("has no readable MP3 frame at its start");
        }
        MpegAudioFrame first = MpegAudioFrame.parse(window, offset);
        long firstFrameAt = start + offset;
        StatedTotals stated = statedTotals(window, offset, first);
        if (stated != null && stated.frames() > 0) {
            Duration duration = MediaTime.of(stated.frames() * first.samples(), first.sampleRate());
            MediaInfo info = info(first, duration);
            long present = source.size() - firstFrameAt;
            if (stated.bytes() > 0 && stated.bytes() - present > first.length()) {
                return new Reading(info, Truncation.ofDeclaredLength("its MP3 " + stated.header() + " header",
                        stated.bytes(), duration, present));
            }
            return Reading.whole(info);
        }
        return walkFrames(source, firstFrameAt, first);
    }

    /**
     * The offset of the first frame within {@code limit} bytes that is followed by a second one (or that runs to the
     * end of the bytes given, for a file shorter than two frames); -1 when there is none.
     */
    private static int firstFrame(byte[] bytes, int limit) {
        for (int at = 0; at < limit; at++) {
            MpegAudioFrame frame = MpegAudioFrame.parse(bytes, at);
            if (frame != null && (frame.continuesAt(bytes, at + frame.length())
                    || (at == 0 && frame.length() >= bytes.length))) {
                return at;
            }
        }
        return -1;
    }

    /** The Xing/Info header after the side information, or the VBRI header at a fixed 32 bytes. */
    private static StatedTotals statedTotals(byte[] window, int frameAt, MpegAudioFrame frame) {
        int xing = frameAt + MpegAudioFrame.HEADER_BYTES + frame.sideInfoBytes();
        boolean xingTag = Bytes.hasAscii(window, xing, "Xing") || Bytes.hasAscii(window, xing, "Info");
        if (xingTag && xing + 16 <= window.length) {
            long flags = Bytes.u32be(window, xing + 4);
            int field = xing + 8;
            long frames = (flags & 1) != 0 ? Bytes.u32be(window, field) : -1;
            long bytes = (flags & 2) != 0 ? Bytes.u32be(window, (flags & 1) != 0 ? field + 4 : field) : -1;
            return new StatedTotals(Bytes.ascii(window, xing, 4), frames, bytes);
        }
        int vbri = frameAt + MpegAudioFrame.HEADER_BYTES + 32;
        if (Bytes.hasAscii(window, vbri, "VBRI") && vbri + 18 <= window.length) {
            return new StatedTotals("VBRI", Bytes.u32be(window, vbri + 14), Bytes.u32be(window, vbri + 10));
        }
        return null;
    }

    /** Sums the frames one header at a time until the stream ends, a trailing tag starts, or nothing follows. */
    private static Reading walkFrames(ByteSource source, long firstFrameAt, MpegAudioFrame first) throws IOException {
        double seconds = 0;
        long at = firstFrameAt;
        while (at < source.size()) {
            byte[] header = source.readAt(at, MpegAudioFrame.HEADER_BYTES);
            MpegAudioFrame frame = MpegAudioFrame.parse(header, 0);
            if (frame == null) {
                long next = isTrailingTag(source.readAt(at, 11)) ? -1 : resync(source, at);
                if (next < 0) {
                    break;
                }
                at = next;
                continue;
            }
            if (at + frame.length() > source.size()) {
                return new Reading(info(first, MediaTime.ofSeconds(seconds)),
                        Truncation.ofLastUnit("MP3 frame", frame.length(), source.size() - at));
            }
            seconds += (double) frame.samples() / frame.sampleRate();
            at += frame.length();
        }
        return Reading.whole(info(first, MediaTime.ofSeconds(seconds)));
    }

    private static boolean isTrailingTag(byte[] bytes) {
        for (String tag : TRAILING_TAGS) {
            if (Bytes.hasAscii(bytes, 0, tag)) {
                return true;
            }
        }
        return false;
    }

    /** The next offset after {@code at} where two frames follow each other, or -1 within the search range. */
    private static long resync(ByteSource source, long at) throws IOException {
        byte[] window = source.readAt(at + 1, RESYNC_SEARCH);
        for (int offset = 0; offset < window.length; offset++) {
            MpegAudioFrame frame = MpegAudioFrame.parse(window, offset);
            if (frame != null && frame.continuesAt(window, offset + frame.length())) {
                return at + 1 + offset;
            }
        }
        return -1;
    }

    private static MediaInfo info(MpegAudioFrame frame, Duration duration) {
        return new MediaInfo(MediaFormat.MP3, frame.codec(), frame.channels(), frame.sampleRate(), duration, false);
    }
}
