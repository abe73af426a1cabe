package io.callport.media;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ISO base media (MP4, M4A, MOV, 3GP): nested boxes. The movie box (moov) holds the length (mvhd) and one trak per
 * stream: its handler (soun/vide), media header (mdhd) and sample description (stsd). Recorders often write moov
 * after the media data (mdat); boxes are walked forward and mdat is skipped, so both orders take one pass.
 */
final class Mp4Reader implements ContainerReader {

    /** Box types that open a file in practice: ftyp, and moov/mdat/wide/free in old QuickTime files. */
    private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip");
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "mvex");
    /** Enough of a sample entry to reach its esds box. */
    private static final int SAMPLE_ENTRY_BYTES = 512;

    private record Box(String type, long bodyStart, long end, long declaredSize) {
    }

    /** One trak as far as it matters here. */
    private static final class Track {
        String handler = "";
        long timescale;
        long duration;
        AudioSampleEntry audio;
    }

    /** What moov holds. */
    private static final class Movie {
        long timescale;
        long duration;
        long fragmentDuration;
        final List<Track> tracks = new ArrayList<>();
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.MP4;
    }

    @Override
    public boolean recognises(byte[] head) {
        return head.length >= 8 && FIRST_BOXES.contains(Bytes.ascii(head, 4, 4))
                && (Bytes.u32be(head, 0) >= 8 || Bytes.u32be(head, 0) <= 1);
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long fileEnd = source.size();
        Movie movie = null;
        Box overrun = null;
        while (source.position() + 8 <= fileEnd) {
            Box box = readBox(source, fileEnd);
            if (box.end() > fileEnd) {
                overrun = box;
                break;
            }
            if (box.type().equals("moov")) {
                movie = new Movie();
                readChildren(source, box, movie, null);
            }
            source.seek(box.end());
        }
        if (movie == null) {
            throw MediaFault.truncated(overrun != null
                    ? String.format(Locale.ROOT, "is cut off: its '%s' box declares %,d bytes but the file"
                    + " ends %,d bytes into it, before the index (moov box) that players need", overrun.type(),
                    overrun.declaredSize(), fileEnd - (overrun.end() - overrun.declaredSize()))
                    : "has no index (moov box): the recorder or the copy stopped before the file was finished");
        }
        MediaInfo info = info(movie);
        if (overrun != null) {
            return new Reading(info, Truncation.ofDeclaredLength("its MP4 '" + overrun.type() + "' box",
                    overrun.declaredSize(), info.duration(), fileEnd - (overrun.end() - overrun.declaredSize())));
        }
        return Reading.whole(info);
    }

    private static MediaInfo info(Movie movie) throws MediaFault {
        Track audio = movie.tracks.stream().filter(t -> t.handler.equals("soun") && t.audio != null).findFirst()
                .orElse(null);
        boolean hasVideo = movie.tracks.stream().anyMatch(t -> t.handler.equals("vide"));
        if (audio == null) {
            throw MediaFault.noAudio("is an MP4 " + (hasVideo ? "video" : "file") + " with no audio track");
        }
        Duration duration = movie.duration > 0 ? MediaTime.of(movie.duration, movie.timescale)
                : movie.fragmentDuration > 0 ? MediaTime.of(movie.fragmentDuration, movie.timescale)
                : MediaTime.of(audio.duration, audio.timescale);
        int sampleRate = audio.audio.sampleRate() > 0 ? audio.audio.sampleRate() : (int) audio.timescale;
        return new MediaInfo(MediaFormat.MP4, audio.audio.codec(), audio.audio.channels(), sampleRate, duration,
                hasVideo);
    }

    private static Box readBox(ByteSource source, long limit) throws IOException, MediaFault {
        long start = source.position();
        byte[] header = source.readFully(8);
        long size = Bytes.u32be(header, 0);
        String type = Bytes.ascii(header, 4, 4);
        int headerBytes = 8;
        if (size == 1) {
            size = Bytes.u64be(source.readFully(8), 0);
            headerBytes = 16;
        } else if (size == 0) {
            size = limit - start; // "to the end of the file"
        }
        if (size < headerBytes) {
            throw MediaFault.damaged("has a damaged MP4 structure: its '" + type + "' box at byte " + start
                    + " claims " + size + " bytes");
        }
        return new Box(type, start + headerBytes, start + size, size);
    }

    /** Walks the boxes inside {@code parent}, descending into containers and reading the few leaves needed. */
    private static void readChildren(ByteSource source, Box parent, Movie movie, Track track)
            throws IOException, MediaFault {
        while (source.position() + 8 <= parent.end()) {
            Box box = readBox(source, parent.end());
            long end = Math.min(box.end(), parent.end());
            int bodyLength = (int) Math.min(end - box.bodyStart(), SAMPLE_ENTRY_BYTES);
            switch (box.type()) {
                case "trak" -> {
                    Track child = new Track();
                    movie.tracks.add(child);
                    readChildren(source, box, movie, child);
                }
                case "mvhd" -> {
                    long[] timing = timing(body(source, box, bodyLength));
                    movie.timescale = timing[0];
                    movie.duration = timing[1];
                }
                case "mehd" -> {
                    byte[] body = body(source, box, bodyLength);
                    movie.fragmentDuration = body[0] == 1 ? Bytes.u64be(body, 4) : Bytes.u32be(body, 4);
                }
                case "mdhd" -> {
                    if (track != null) {
                        long[] timing = timing(body(source, box, bodyLength));
                        track.timescale = timing[0];
                        track.duration = timing[1];
                    }
                }
                case "hdlr" -> {
                    if (track != null) {
                        track.handler = Bytes.ascii(body(source, box, bodyLength), 8, 4);
                    }
                }
                case "stsd" -> {
                    if (track != null && track.handler.equals("soun")) {
                        track.audio = AudioSampleEntry.parse(source.readFully(bodyLength));
                    }
                }
                default -> {
                    if (CONTAINERS.contains(box.type())) {
                        readChildren(source, box, movie, track);
                    }
                }
            }
            source.seek(end);
        }
    }

    /** The first bytes of a leaf box's body, at least as many as its version needs for the fields read here. */
    private static byte[] body(ByteSource source, Box box, int available) throws IOException, MediaFault {
        byte[] body = source.readFully(Math.min(available, 32));
        int needed = switch (box.type()) {
            case "mvhd", "mdhd" -> body.length > 0 && body[0] == 1 ? 32 : 20;
            case "mehd" -> body.length > 0 && body[0] == 1 ? 12 : 8;
            default -> 12;
        };
        if (body.length < needed) {
            throw MediaFault.damaged("has a damaged MP4 structure: its '" + box.type() + "' box is only "
                    + body.length + " bytes");
        }
        return body;
    }

    /** {timescale, duration} from an mvhd or mdhd body: version 0 has 32-bit times, version 1 64-bit. */
    private static long[] timing(byte[] body) {
        return body[0] == 1
                ? new long[]{Bytes.u32be(body, 20), Bytes.u64be(body, 24)}
                : new long[]{Bytes.u32be(body, 12), Bytes.u32be(body, 16)};
    }
}
