package io.callport.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ogg: a sequence of pages, each tagged with its logical stream's serial number. The first page of every stream
 * (flagged "beginning of stream") carries the codec's identification header: Vorbis, Opus, Speex or FLAC for audio.
 * A page's granule position counts samples, so the last audio page in the tail gives the length.
 */
final class OggReader implements ContainerReader {

    private static final int PAGE_HEADER_BYTES = 27;
    private static final int BEGINNING_OF_STREAM = 0x02;
    private static final long NO_GRANULE = -1;
    /** Enough of an identification packet for every field read here (FLAC's STREAMINFO ends at byte 35). */
    private static final int ID_HEADER_BYTES = 64;

    /** A logical stream as its identification header describes it; codec null for a stream that is not audio. */
    private record LogicalStream(long serial, String codec, int channels, int sampleRate, long preSkip,
                                 boolean video) {
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.OGG;
    }

    @Override
    public boolean recognises(byte[] head) {
        return Bytes.hasAscii(head, 0, "OggS") && head.length > 4 && head[4] == 0;
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        List<LogicalStream> streams = beginningStreams(source);
        LogicalStream audio = streams.stream().filter(s -> s.codec() != null).findFirst().orElse(null);
        boolean hasVideo = streams.stream().anyMatch(LogicalStream::video);
        if (audio == null) {
            throw MediaFault.noAudio(hasVideo ? "is an Ogg video with no audio stream"
                    : "is an Ogg file with no audio stream Callport can read");
        }
        byte[] tail = source.tail(ByteSource.TAIL_BYTES);
        long granule = lastGranule(tail, audio.serial());
        long samples = audio.codec().equals("opus") ? granule - audio.preSkip() : granule;
        MediaInfo info = new MediaInfo(MediaFormat.OGG, audio.codec(), audio.channels(), audio.sampleRate(),
                MediaTime.of(samples, audio.sampleRate()), hasVideo);
        int lastPage = previousPage(tail, tail.length - PAGE_HEADER_BYTES);
        if (lastPage >= 0) {
            long pageLength = pageLength(tail, lastPage);
            if (lastPage + pageLength > tail.length) {
                return new Reading(info, Truncation.ofLastUnit("Ogg page", pageLength, tail.length - lastPage));
            }
        }
        return Reading.whole(info);
    }

    /** Reads the pages flagged "beginning of stream" at the start of the file and identifies each stream. */
    private static List<LogicalStream> beginningStreams(ByteSource source) throws IOException, MediaFault {
        List<LogicalStream> streams = new ArrayList<>();
        while (source.remaining() >= PAGE_HEADER_BYTES) {
            long pageStart = source.position();
            byte[] header = source.readFully(PAGE_HEADER_BYTES);
            if (!Bytes.hasAscii(header, 0, "OggS")) {
                throw MediaFault.damaged("has a damaged Ogg structure: no page starts at byte " + pageStart);
            }
            if ((header[5] & BEGINNING_OF_STREAM) == 0) {
                break;
            }
            byte[] segments = source.readFully(Bytes.u8(header, 26));
            int bodyLength = 0;
            for (byte segment : segments) {
                bodyLength += segment & 0xFF;
            }
            long bodyStart = source.position();
            streams.add(identify(Bytes.u32le(header, 14), source.readUpTo(Math.min(bodyLength, ID_HEADER_BYTES))));
            source.seek(bodyStart + bodyLength);
        }
        return streams;
    }

    private static LogicalStream identify(long serial, byte[] packet) {
        if (packet.length >= 16 && packet[0] == 0x01 && Bytes.hasAscii(packet, 1, "vorbis")) {
            return new LogicalStream(serial, "vorbis", Bytes.u8(packet, 11), (int) Bytes.u32le(packet, 12), 0, false);
        }
        if (packet.length >= 16 && Bytes.hasAscii(packet, 0, "OpusHead")) {
            return new LogicalStream(serial, "opus", Bytes.u8(packet, 9), Opus.DECODING_RATE, Bytes.u16le(packet, 10),
                    false);
        }
        if (packet.length >= 52 && Bytes.hasAscii(packet, 0, "Speex   ")) {
            return new LogicalStream(serial, "speex", (int) Bytes.u32le(packet, 48), (int) Bytes.u32le(packet, 36), 0,
                    false);
        }
        if (packet.length >= 35 && packet[0] == 0x7F && Bytes.hasAscii(packet, 1, "FLAC")) {
            int streamInfo = 17; // after the Ogg mapping header, "fLaC" and the metadata block header
            return new LogicalStream(serial, "flac", (Bytes.u8(packet, streamInfo + 12) >>> 1 & 0x7) + 1,
                    Bytes.u24be(packet, streamInfo + 10) >>> 4, 0, false);
        }
        boolean video = Bytes.hasAscii(packet, 1, "theora") || Bytes.hasAscii(packet, 0, "OVP80")
                || Bytes.hasAscii(packet, 1, "daala");
        return new LogicalStream(serial, null, 0, 0, 0, video);
    }

    /** The granule position of the last page of {@code serial} in the tail that has one; 0 when none does. */
    private static long lastGranule(byte[] tail, long serial) {
        for (int at = previousPage(tail, tail.length - PAGE_HEADER_BYTES); at >= 0; at = previousPage(tail, at - 1)) {
            long granule = Bytes.u64le(tail, at + 6);
            if (Bytes.u32le(tail, at + 14) == serial && granule != NO_GRANULE) {
                return Math.max(0, granule);
            }
        }
        return 0;
    }

    /** The start of the last page header at or before {@code from}, or -1. */
    private static int previousPage(byte[] bytes, int from) {
        for (int at = Math.min(from, bytes.length - PAGE_HEADER_BYTES); at >= 0; at--) {
            if (Bytes.hasAscii(bytes, at, "OggS") && bytes[at + 4] == 0) {
                return at;
            }
        }
        return -1;
    }

    /** Header, segment table and body: what the page header at {@code at} declares. */
    private static long pageLength(byte[] bytes, int at) {
        int segmentCount = Bytes.u8(bytes, at + 26);
        long length = PAGE_HEADER_BYTES + segmentCount;
        for (int i = 0; i < segmentCount && at + PAGE_HEADER_BYTES + i < bytes.length; i++) {
            length += Bytes.u8(bytes, at + PAGE_HEADER_BYTES + i);
        }
        return length;
    }
}
