package io.callport.media;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * WebM and Matroska: an EBML header, then a Segment whose Info states the length (Duration in units of
 * TimecodeScale nanoseconds) and whose Tracks describe each stream (type, codec, channels, sampling frequency).
 * Recorders writing live (a browser's MediaRecorder) leave Duration out; then the last Cluster's timecode and its
 * last block's offset, found in the tail, give the length.
 */
final class MatroskaReader implements ContainerReader {

    private static final long EBML = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282;
    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1;
    private static final long DURATION = 0x4489;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAE;
    private static final long TRACK_TYPE = 0x83;
    private static final long CODEC_ID = 0x86;
    private static final long CODEC_PRIVATE = 0x63A2;
    private static final long AUDIO = 0xE1;
    private static final long SAMPLING_FREQUENCY = 0xB5;
    private static final long CHANNELS = 0x9F;
    private static final long BIT_DEPTH = 0x6264;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long CLUSTER_TIMECODE = 0xE7;
    private static final long SIMPLE_BLOCK = 0xA3;
    private static final long BLOCK_GROUP = 0xA0;
    private static final long BLOCK = 0xA1;
    private static final byte[] CLUSTER_ID = Bytes.of(0x1F, 0x43, 0xB6, 0x75);
    private static final int TRACK_TYPE_VIDEO = 1;
    private static final int TRACK_TYPE_AUDIO = 2;
    private static final long DEFAULT_TIMECODE_SCALE = 1_000_000;
    /** What the specification assumes when an audio track leaves SamplingFrequency out. */
    private static final double DEFAULT_SAMPLING_FREQUENCY = 8000;
    /** Largest Info or Tracks element read into memory; real ones are a few hundred bytes. */
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    private static final Map<String, String> CODECS = Map.ofEntries(
            Map.entry("A_OPUS", "opus"),
            Map.entry("A_VORBIS", "vorbis"),
            Map.entry("A_MPEG/L3", "mp3"),
            Map.entry("A_MPEG/L2", "mp2"),
            Map.entry("A_FLAC", "flac"),
            Map.entry("A_AC3", "ac3"),
            Map.entry("A_EAC3", "eac3"),
            Map.entry("A_ALAC", "alac"));

    /** The first audio track, and whether any track is video. */
    private static final class Tracks {
        String codec;
        int channels = 1; // the specification's default
        double samplingFrequency = DEFAULT_SAMPLING_FREQUENCY;
        boolean video;
    }

    @Override
    public MediaFormat format() {
        return MediaFormat.WEBM;
    }

    @Override
    public boolean recognises(byte[] head) {
        Ebml.Header header = Ebml.header(head, 0);
        return header != null && header.id() == EBML;
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        Ebml.Header ebml = nextHeader(source);
        source.skip(ebml.size());
        Ebml.Header segment = nextHeader(source);
        while (segment.id() != SEGMENT) {
            if (!segment.sizeKnown()) {
                throw damaged("an element before the Segment has no size");
            }
            source.skip(segment.size());
            segment = nextHeader(source);
        }
        long segmentStart = source.position();
        long segmentEnd = segment.sizeKnown() ? segmentStart + segment.size() : source.size();
        long timecodeScale = DEFAULT_TIMECODE_SCALE;
        double durationTicks = -1;
        Tracks tracks = null;
        while (source.position() < Math.min(segmentEnd, source.size()) && (durationTicks < 0 || tracks == null)) {
            Ebml.Header element = nextHeader(source);
            long dataStart = source.position();
            if (element.id() == INFO) {
                byte[] info = metadata(source, element);
                timecodeScale = uintChild(info, TIMECODE_SCALE, DEFAULT_TIMECODE_SCALE);
                durationTicks = floatChild(info, DURATION, 0);
            } else if (element.id() == TRACKS) {
                tracks = tracks(metadata(source, element));
            } else if (element.id() == CLUSTER && tracks != null) {
                break; // Info without Duration: the tail tells the length
            } else if (!element.sizeKnown()) {
                throw damaged("a live-written element comes before the track list");
            }
            source.seek(dataStart + element.size());
        }
        if (tracks == null || tracks.codec == null) {
            throw MediaFault.noAudio(tracks != null && tracks.video ? "is a WebM video with no audio track"
                    : "is a WebM file with no audio track");
        }
        double ticks = durationTicks > 0 ? durationTicks : lastBlockTicks(source.tail(ByteSource.TAIL_BYTES));
        Duration duration = MediaTime.ofSeconds(ticks * timecodeScale / 1e9);
        MediaInfo info = new MediaInfo(MediaFormat.WEBM, tracks.codec, tracks.channels,
                (int) Math.round(tracks.samplingFrequency), duration, tracks.video);
        if (segment.sizeKnown() && segmentEnd > source.size()) {
            long present = source.size() - segmentStart;
            return new Reading(info, Truncation.ofDeclaredLength("its WebM Segment", segment.size(), duration,
                    present));
        }
        return Reading.whole(info);
    }

    private static Ebml.Header nextHeader(ByteSource source) throws IOException, MediaFault {
        long at = source.position();
        byte[] bytes = source.readUpTo(Ebml.MAX_HEADER_BYTES);
        Ebml.Header header = Ebml.header(bytes, 0);
        if (header == null) {
            if (bytes.length < Ebml.MAX_HEADER_BYTES) {
                throw new EOFException("the file ends inside an element header at byte " + at);
            }
            throw damaged("no element starts at byte " + at);
        }
        source.seek(at + header.headerLength());
        return header;
    }

    private static byte[] metadata(ByteSource source, Ebml.Header element) throws IOException, MediaFault {
        if (!element.sizeKnown() || element.size() > MAX_METADATA_BYTES) {
            throw damaged("its metadata element claims " + element.size() + " bytes");
        }
        return source.readFully((int) element.size());
    }

    private static Tracks tracks(byte[] body) {
        Tracks tracks = new Tracks();
        for (int at = 0; at < body.length; ) {
            Ebml.Header entry = Ebml.header(body, at);
            if (entry == null || !entry.sizeKnown()) {
                break;
            }
            int dataAt = at + entry.headerLength();
            int dataEnd = (int) Math.min(body.length, dataAt + entry.size());
            if (entry.id() == TRACK_ENTRY) {
                byte[] track = Arrays.copyOfRange(body, dataAt, dataEnd);
                long type = uintChild(track, TRACK_TYPE, 0);
                tracks.video |= type == TRACK_TYPE_VIDEO;
                if (type == TRACK_TYPE_AUDIO && tracks.codec == null) {
                    byte[] audio = child(track, AUDIO);
                    int bits = (int) uintChild(audio, BIT_DEPTH, 16);
                    tracks.codec = codec(stringChild(track, CODEC_ID), bits, child(track, CODEC_PRIVATE));
                    tracks.channels = (int) uintChild(audio, CHANNELS, 1);
                    tracks.samplingFrequency = tracks.codec.equals("opus") ? Opus.DECODING_RATE
                            : floatChild(audio, SAMPLING_FREQUENCY, DEFAULT_SAMPLING_FREQUENCY);
                }
            }
            at = dataEnd;
        }
        return tracks;
    }

    private static String codec(String codecId, int bits, byte[] codecPrivate) {
        if (codecId.startsWith("A_AAC")) {
            return "aac";
        }
        if (codecId.equals("A_MS/ACM") && codecPrivate.length >= WaveFormat.BASE_SIZE) {
            return WaveFormat.parse(codecPrivate, 0).codec();
        }
        return switch (codecId) {
            case "A_PCM/INT/LIT" -> "pcm_s" + bits + "le";
            case "A_PCM/INT/BIG" -> "pcm_s" + bits + "be";
            case "A_PCM/FLOAT/IEEE" -> "pcm_f" + bits + "le";
            default -> CODECS.getOrDefault(codecId, codecId.toLowerCase(Locale.ROOT));
        };
    }

    /**
     * The largest block time (cluster timecode plus the block's relative timecode) in the last cluster the tail
     * holds, in TimecodeScale ticks; 0 when the tail holds no readable cluster.
     */
    private static long lastBlockTicks(byte[] tail) {
        for (int at = Bytes.lastIndexOf(tail, CLUSTER_ID, tail.length); at >= 0;
             at = Bytes.lastIndexOf(tail, CLUSTER_ID, at - 1)) {
            Ebml.Header cluster = Ebml.header(tail, at);
            int dataAt = at + (cluster == null ? 0 : cluster.headerLength());
            Ebml.Header first = cluster == null ? null : Ebml.header(tail, dataAt);
            if (first == null || first.id() != CLUSTER_TIMECODE || !first.sizeKnown()) {
                continue; // the ID's bytes inside some block's data, not a real cluster
            }
            long clusterTicks = Ebml.uint(tail, dataAt + first.headerLength(), first.size());
            int end = cluster.sizeKnown() ? (int) Math.min(tail.length, dataAt + cluster.size()) : tail.length;
            return clusterTicks + maxBlockOffset(tail, dataAt, end);
        }
        return 0;
    }

    /** The largest relative timecode of the blocks between {@code from} and {@code end}. */
    private static int maxBlockOffset(byte[] bytes, int from, int end) {
        int max = 0;
        for (int at = from; at < end; ) {
            Ebml.Header element = Ebml.header(bytes, at);
            if (element == null || !element.sizeKnown()) {
                break;
            }
            int dataAt = at + element.headerLength();
            if (element.id() == SIMPLE_BLOCK || element.id() == BLOCK) {
                long[] track = Ebml.codedNumber(bytes, dataAt);
                int timecodeAt = track == null ? bytes.length : dataAt + (int) track[1];
                if (timecodeAt + 2 <= bytes.length) {
                    max = Math.max(max, (short) Bytes.u16be(bytes, timecodeAt));
                }
            } else if (element.id() == BLOCK_GROUP) {
                max = Math.max(max, maxBlockOffset(bytes, dataAt, (int) Math.min(end, dataAt + element.size())));
            }
            at = (int) Math.min((long) dataAt + element.size(), Integer.MAX_VALUE);
        }
        return max;
    }

    /** The data of the first direct child with {@code id}, or an empty array. */
    private static byte[] child(byte[] parent, long id) {
        for (int at = 0; at < parent.length; ) {
            Ebml.Header element = Ebml.header(parent, at);
            if (element == null || !element.sizeKnown()) {
                break;
            }
            int dataAt = at + element.headerLength();
            int dataEnd = (int) Math.min(parent.length, dataAt + element.size());
            if (element.id() == id) {
                return Arrays.copyOfRange(parent, dataAt, dataEnd);
            }
            at = dataEnd;
        }
        return new byte[0];
    }

    private static long uintChild(byte[] parent, long id, long absent) {
        byte[] data = child(parent, id);
        return data.length == 0 ? absent : Ebml.uint(data, 0, data.length);
    }

    private static double floatChild(byte[] parent, long id, double absent) {
        byte[] data = child(parent, id);
        return data.length == 0 ? absent : Ebml.floatValue(data, 0, data.length);
    }

    private static String stringChild(byte[] parent, long id) {
        byte[] data = child(parent, id);
        int length = 0;
        while (length < data.length && data[length] != 0) {
            length++;
        }
        return Bytes.ascii(data, 0, length);
    }

    private static MediaFault damaged(String what) {
        return MediaFault.damaged("has a damaged WebM structure: " + what);
    }
}
