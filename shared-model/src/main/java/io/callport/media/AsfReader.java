package io.callport.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * ASF, the container of Windows Media (WMA, WMV): objects named by GUIDs. The Header object holds File Properties
 * (play duration in 100-ns units, minus the preroll in milliseconds) and one Stream Properties object per stream,
 * whose audio streams carry a WAVEFORMATEX. The Data object follows the header.
 */
final class AsfReader implements ContainerReader {

    private static final byte[] HEADER = guid("3026B2758E66CF11A6D900AA0062CE6C");
    private static final byte[] FILE_PROPERTIES = guid("A1DCAB8C47A9CF118EE400C00C205365");
    private static final byte[] STREAM_PROPERTIES = guid("9107DCB7B7A9CF118EE600C00C205365");
    private static final byte[] AUDIO_MEDIA = guid("409E69F84D5BCF11A8FD00805F5C442B");
    private static final byte[] VIDEO_MEDIA = guid("C0EF19BC4D5BCF11A8FD00805F5C442B");
    private static final byte[] DATA = guid("3626B2758E66CF11A6D900AA0062CE6C");
    private static final int OBJECT_HEADER_BYTES = 24;
    /** The Header object's own fields after the object header: object count and two reserved bytes. */
    private static final int HEADER_FIELDS_BYTES = 6;
    private static final int FILE_PROPERTIES_BYTES = 80;
    /** Stream Properties: stream type, error correction type, time offset, two lengths, flags, reserved. */
    private static final int TYPE_SPECIFIC_DATA_AT = 54;
    /** File Properties flag: a live broadcast, whose sizes and durations are not known. */
    private static final long BROADCAST = 0x1;
    /** Largest header object read into memory; a real one is a few KB. */
    private static final int MAX_HEADER_BYTES = 1024 * 1024;

    @Override
    public MediaFormat format() {
        return MediaFormat.ASF;
    }

    @Override
    public boolean recognises(byte[] head) {
        return Bytes.has(head, 0, HEADER);
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long start = source.position();
        long headerSize = Bytes.u64le(source.readFully(OBJECT_HEADER_BYTES), 16);
        if (headerSize < OBJECT_HEADER_BYTES + HEADER_FIELDS_BYTES || headerSize > MAX_HEADER_BYTES) {
            throw damaged("its header object claims " + headerSize + " bytes");
        }
        source.skip(HEADER_FIELDS_BYTES);
        byte[] objects = source.readFully((int) headerSize - OBJECT_HEADER_BYTES - HEADER_FIELDS_BYTES);
        byte[] fileProperties = null;
        WaveFormat audio = null;
        boolean hasVideo = false;
        for (int at = 0; at + OBJECT_HEADER_BYTES <= objects.length; ) {
            long size = Bytes.u64le(objects, at + 16);
            if (size < OBJECT_HEADER_BYTES || at + size > objects.length) {
                throw damaged("an object in its header claims " + size + " bytes");
            }
            int body = at + OBJECT_HEADER_BYTES;
            if (Bytes.has(objects, at, FILE_PROPERTIES) && size >= OBJECT_HEADER_BYTES + FILE_PROPERTIES_BYTES) {
                fileProperties = Arrays.copyOfRange(objects, body, body + FILE_PROPERTIES_BYTES);
            } else if (Bytes.has(objects, at, STREAM_PROPERTIES)) {
                hasVideo |= Bytes.has(objects, body, VIDEO_MEDIA);
                if (audio == null && Bytes.has(objects, body, AUDIO_MEDIA)
                        && size >= OBJECT_HEADER_BYTES + TYPE_SPECIFIC_DATA_AT + WaveFormat.BASE_SIZE) {
                    audio = WaveFormat.parse(objects, body + TYPE_SPECIFIC_DATA_AT);
                }
            }
            at += (int) size;
        }
        if (fileProperties == null) {
            throw damaged("it has no File Properties object");
        }
        if (audio == null) {
            throw MediaFault.noAudio(hasVideo ? "is a Windows Media video with no audio stream"
                    : "is a Windows Media file with no audio stream");
        }
        long playDuration100ns = Bytes.u64le(fileProperties, 40);
        long prerollMillis = Bytes.u64le(fileProperties, 56);
        boolean broadcast = (Bytes.u32le(fileProperties, 64) & BROADCAST) != 0;
        Duration duration = MediaTime.of(playDuration100ns, 10_000_000).minusMillis(prerollMillis);
        MediaInfo info = new MediaInfo(MediaFormat.ASF, audio.codec(), audio.channels(), (int) audio.sampleRate(),
                duration.isNegative() ? Duration.ZERO : duration, hasVideo);
        return broadcast ? Reading.whole(info) : checkDataObject(source, start + headerSize, info);
    }

    /** The Data object follows the header; its declared size shows whether the file was cut. */
    private static Reading checkDataObject(ByteSource source, long dataAt, MediaInfo info)
            throws IOException, MediaFault {
        byte[] data = source.readAt(dataAt, OBJECT_HEADER_BYTES);
        if (data.length < OBJECT_HEADER_BYTES) {
            throw MediaFault.truncated("is cut off right after its Windows Media header: the audio data is missing");
        }
        if (!Bytes.has(data, 0, DATA)) {
            throw damaged("no Data object follows the header");
        }
        long declared = Bytes.u64le(data, 16);
        long present = source.size() - dataAt;
        return declared > present
                ? new Reading(info, Truncation.ofDeclaredLength("its Windows Media data object", declared,
                info.duration(), present))
                : Reading.whole(info);
    }

    /** A GUID as it is stored: the first three fields little-endian, the rest as written. */
    private static byte[] guid(String storedHex) {
        return HexFormat.of().parseHex(storedHex);
    }

    private static MediaFault damaged(String what) {
        return MediaFault.damaged("has a damaged Windows Media header: " + what);
    }
}
