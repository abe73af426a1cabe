package io.callport.media;

import java.io.IOException;
import java.time.Duration;

/**
 * MPEG-1/MPEG-2 program streams (.mpg): pack headers carrying the system clock (SCR), and PES packets of
 * video (stream IDs 0xE0-0xEF) and MPEG audio (0xC0-0xDF) stamped with presentation times (PTS, 90 kHz). The
 * first audio packet's frame header gives the rate and channels; the length is the span from the first to the last
 * audio PTS plus one frame (the SCR span when no packet has a PTS).
 */
final class MpegPsReader implements ContainerReader {

    private static final int PACK = 0xBA;
    private static final int SYSTEM_HEADER = 0xBB;
    private static final int END_CODE = 0xB9;
    private static final int CLOCK_HZ = 90_000;
    private static final long TIMESTAMP_WRAP = 1L << 33;
    /** How far into the file the first audio frame is looked for. */
    private static final long FIRST_AUDIO_SEARCH = 4 * 1024 * 1024;
    /** Enough for a packet's start code, length and longest PES header (stuffing, buffer size, PTS and DTS). */
    private static final int PACKET_HEADER_BYTES = 40;
    private static final int PAYLOAD_PEEK_BYTES = 4096;
    /** How far to look for the next pack header after a damaged stretch. */
    private static final int RESYNC_SEARCH = 64 * 1024;

    /** A packet or pack header at some offset: its stream ID, total length, and PTS or SCR (-1 when absent). */
    private record Packet(int streamId, int length, long timestamp, int payloadOffset) {

        boolean isAudio() {
            return streamId >= 0xC0 && streamId <= 0xDF;
        }

        boolean isVideo() {
            return streamId >= 0xE0 && streamId <= 0xEF;
        }
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.MPEG_PS;
    }

    @Override
    public boolean recognises(byte[] head) {
        return isStartCode(head, 0) && head.length > 4 && Bytes.u8(head, 3) == PACK
                && ((head[4] & 0xF0) == 0x20 || (head[4] & 0xC0) == 0x40);
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long start = source.position();
        long limit = Math.min(source.size(), start + FIRST_AUDIO_SEARCH);
        long firstScr = -1;
        long firstPts = -1;
        int audioStream = -1;
        MpegAudioFrame frame = null;
        boolean hasVideo = false;
        for (long at = start; at + 4 <= limit && frame == null; ) {
            byte[] bytes = source.readAt(at, PACKET_HEADER_BYTES);
            Packet packet = packet(bytes, 0);
            if (packet == null) {
                int next = firstPackHeader(source.readAt(at + 1, RESYNC_SEARCH), 0);
                if (next < 0) {
                    break;
                }
                at += 1 + next; // a damaged stretch: pick up at the next pack
                continue;
            }
            if (packet.streamId() == PACK && firstScr < 0) {
                firstScr = packet.timestamp();
            } else if (packet.streamId() == SYSTEM_HEADER) {
                hasVideo |= systemHeaderListsVideo(source.readAt(at, packet.length()));
            } else if (packet.isAudio() && packet.length() > packet.payloadOffset()) {
                byte[] payload = source.readAt(at + packet.payloadOffset(),
                        Math.min(PAYLOAD_PEEK_BYTES, packet.length() - packet.payloadOffset()));
                frame = firstFrame(payload);
                if (frame != null) {
                    audioStream = packet.streamId();
                    firstPts = packet.timestamp();
                }
            }
            hasVideo |= packet.isVideo();
            at += packet.length();
        }
        if (frame == null) {
            throw MediaFault.noAudio(hasVideo ? "is an MPEG video with no MPEG audio track"
                    : "is an MPEG stream with no MPEG audio track");
        }
        TailTimes tail = tailTimes(source.tail(ByteSource.TAIL_BYTES), audioStream);
        Duration duration = firstPts >= 0 && tail.lastPts() >= 0
                ? span(firstPts, tail.lastPts()).plus(MediaTime.of(frame.samples(), frame.sampleRate()))
                : span(firstScr, tail.lastScr());
        MediaInfo info = new MediaInfo(MediaFormat.MPEG_PS, frame.codec(), frame.channels(), frame.sampleRate(),
                duration, hasVideo);
        return tail.cut() == null ? Reading.whole(info) : new Reading(info, tail.cut());
    }

    /** The last audio PTS and pack SCR in the tail, and the last packet if the file ends inside it. */
    private record TailTimes(long lastPts, long lastScr, Truncation cut) {
    }

    /** Walks the packets of the tail from its first pack header, as the lengths chain them. */
    private static TailTimes tailTimes(byte[] tail, int audioStream) {
        long lastPts = -1;
        long lastScr = -1;
        int at = firstPackHeader(tail, 0);
        while (at >= 0 && at + 4 <= tail.length) {
            Packet packet = packet(tail, at);
            if (packet == null) {
                at = firstPackHeader(tail, at + 1); // a damaged stretch: pick up at the next pack
                continue;
            }
            if (at + packet.length() > tail.length) {
                return new TailTimes(lastPts, lastScr,
                        Truncation.ofLastUnit("MPEG packet", packet.length(), tail.length - at));
            }
            if (packet.streamId() == PACK && packet.timestamp() >= 0) {
                lastScr = packet.timestamp();
            } else if (packet.streamId() == audioStream && packet.timestamp() >= 0) {
                lastPts = packet.timestamp();
            }
            at += packet.length();
        }
        return new TailTimes(lastPts, lastScr, null);
    }

    private static Duration span(long first, long last) {
        if (first < 0 || last < 0) {
            return Duration.ZERO;
        }
        long ticks = last >= first ? last - first : last + TIMESTAMP_WRAP - first;
        return MediaTime.of(ticks, CLOCK_HZ);
    }

    /**
     * The packet or pack header at {@code at}: pack headers are 12 bytes (MPEG-1) or 14 plus stuffing (MPEG-2),
     * the end code 4, everything else 6 plus its stated length. Null when no start code is there.
     */
    private static Packet packet(byte[] bytes, int at) {
        if (!isStartCode(bytes, at) || at + 4 > bytes.length) {
            return null;
        }
        int streamId = Bytes.u8(bytes, at + 3);
        if (streamId == END_CODE) {
            return new Packet(streamId, 4, -1, 4);
        }
        if (streamId == PACK) {
            if (at + 14 > bytes.length) {
                return new Packet(streamId, 12, -1, 12);
            }
            boolean mpeg2 = (bytes[at + 4] & 0xC0) == 0x40;
            int length = mpeg2 ? 14 + (bytes[at + 13] & 0x7) : 12;
            return new Packet(streamId, length, mpeg2 ? mpeg2Scr(bytes, at + 4) : timestamp(bytes, at + 4), length);
        }
        if (streamId < SYSTEM_HEADER || at + 6 > bytes.length) {
            return null;
        }
        int length = 6 + Bytes.u16be(bytes, at + 4);
        if (streamId < 0xC0 && streamId != 0xBD) {
            return new Packet(streamId, length, -1, 6); // system header, padding, private stream 2, ...
        }
        return pesPacket(bytes, at, streamId, length);
    }

    /** Reads a PES header: MPEG-2 ("10" marker, flags, header length) or MPEG-1 (stuffing, buffer size, PTS). */
    private static Packet pesPacket(byte[] bytes, int at, int streamId, int length) {
        int i = at + 6;
        if (i + 3 <= bytes.length && (bytes[i] & 0xC0) == 0x80) {
            boolean hasPts = (bytes[i + 1] & 0x80) != 0;
            int payloadOffset = 9 + Bytes.u8(bytes, i + 2);
            return new Packet(streamId, length, hasPts && i + 8 <= bytes.length ? timestamp(bytes, i + 3) : -1,
                    payloadOffset);
        }
        for (int stuffing = 0; i < bytes.length && Bytes.u8(bytes, i) == 0xFF && stuffing < 16; stuffing++) {
            i++;
        }
        if (i < bytes.length && (bytes[i] & 0xC0) == 0x40) {
            i += 2; // buffer scale and size
        }
        long pts = -1;
        if (i < bytes.length && (bytes[i] & 0xE0) == 0x20) {
            pts = i + 5 <= bytes.length ? timestamp(bytes, i) : -1;
            i += (bytes[i] & 0x10) != 0 ? 10 : 5;
        } else {
            i += 1; // the 0x0F "no timestamps" byte
        }
        return new Packet(streamId, length, pts, i - at);
    }

    /** A 33-bit PTS or MPEG-1 SCR in five bytes, with marker bits between its 3-, 15- and 15-bit parts. */
    private static long timestamp(byte[] bytes, int at) {
        return (long) (Bytes.u8(bytes, at) >>> 1 & 0x7) << 30 | (long) Bytes.u8(bytes, at + 1) << 22
                | (long) (Bytes.u8(bytes, at + 2) >>> 1) << 15 | (long) Bytes.u8(bytes, at + 3) << 7
                | Bytes.u8(bytes, at + 4) >>> 1;
    }

    /** The 33-bit base of an MPEG-2 SCR: 3, 15 and 15 bits split by markers across six bytes. */
    private static long mpeg2Scr(byte[] bytes, int at) {
        long b0 = Bytes.u8(bytes, at);
        long b1 = Bytes.u8(bytes, at + 1);
        long b2 = Bytes.u8(bytes, at + 2);
        long b3 = Bytes.u8(bytes, at + 3);
        long b4 = Bytes.u8(bytes, at + 4);
        return (b0 >>> 3 & 0x7) << 30 | (b0 & 0x3) << 28 | b1 << 20 | (b2 >>> 3) << 15 | (b2 & 0x3) << 13
                | b3 << 5 | b4 >>> 3;
    }

    /** The system header lists each stream with its ID (bytes 12 on, three bytes per stream). */
    private static boolean systemHeaderListsVideo(byte[] header) {
        for (int at = 12; at + 3 <= header.length; at += 3) {
            int streamId = Bytes.u8(header, at);
            if (streamId >= 0xE0 && streamId <= 0xEF) {
                return true;
            }
        }
        return false;
    }

    private static MpegAudioFrame firstFrame(byte[] payload) {
        for (int at = 0; at + MpegAudioFrame.HEADER_BYTES <= payload.length; at++) {
            MpegAudioFrame frame = MpegAudioFrame.parse(payload, at);
            if (frame != null && (frame.continuesAt(payload, at + frame.length())
                    || at + frame.length() >= payload.length)) {
                return frame;
            }
        }
        return null;
    }

    private static int firstPackHeader(byte[] bytes, int from) {
        for (int at = Math.max(from, 0); at + 4 <= bytes.length; at++) {
            if (isStartCode(bytes, at) && Bytes.u8(bytes, at + 3) == PACK) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isStartCode(byte[] bytes, int at) {
        return at + 3 <= bytes.length && bytes[at] == 0 && bytes[at + 1] == 0 && bytes[at + 2] == 1;
    }
}
