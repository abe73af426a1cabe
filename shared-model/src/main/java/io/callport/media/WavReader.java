package io.callport.media;

import java.io.IOException;
import java.time.Duration;

/**
 * RIFF WAVE: a list of chunks. The fmt chunk describes the audio, the data chunk holds it, and for compressed
 * audio a fact chunk counts the samples. RF64/BW64 (broadcast WAV) mark their 32-bit sizes 0xFFFFFFFF and keep the
 * real ones in a ds64 chunk.
 */
final class WavReader implements ContainerReader {

    private static final long SIZE_UNKNOWN = 0xFFFF_FFFFL;

    @Override
    public MediaFormat format() {
        return MediaFormat.WAV;
    }

    @Override
    public boolean recognises(byte[] head) {
        boolean riff = Bytes.hasAscii(head, 0, "RIFF") || Bytes.hasAscii(head, 0, "RF64")
                || Bytes.hasAscii(head, 0, "BW64");
        return riff && Bytes.hasAscii(head, 8, "WAVE");
    }

    @Override
    public Reading read(ByteSource source) throws IOException, MediaFault {
        long riffDeclared = Bytes.u32le(source.readFully(12), 4);
        WaveFormat fmt = null;
        long factSamples = -1;
        long dataStart = -1;
        long dataDeclared = 0;
        long ds64DataSize = -1;
        // stop at the data chunk once the fmt (and, for compressed audio, the fact) chunk is known
        while (source.remaining() >= 8 && (fmt == null || dataStart < 0 || (!fmt.isPcm() && factSamples < 0))) {
            byte[] header = source.readFully(8);
            long chunkStart = source.position();
            String id = Bytes.ascii(header, 0, 4);
            long length = Bytes.u32le(header, 4);
            if (id.equals("data") && length == SIZE_UNKNOWN && ds64DataSize >= 0) {
                length = ds64DataSize;
            }
            switch (id) {
                case "ds64" -> ds64DataSize = length >= 16 ? Bytes.u64le(source.readFully(16), 8) : -1;
                case "fmt " -> fmt = parseFmt(source.readFully((int) Math.min(length, 40)), length);
                case "fact" -> factSamples = length >= 4 ? Bytes.u32le(source.readFully(4), 0) : -1;
                case "data" -> {
                    dataStart = chunkStart;
                    dataDeclared = length;
                }
                default -> { }
            }
            source.seek(chunkStart + length + (length & 1));
        }
        if (fmt == null) {
            throw MediaFault.damaged("has a damaged WAV header: it has no fmt chunk describing its audio");
        }
        long present = dataStart < 0 ? 0 : Math.max(0, source.size() - dataStart);
        boolean riffPlaceholder = riffDeclared == 0 || riffDeclared == SIZE_UNKNOWN;
        if (dataDeclared == SIZE_UNKNOWN || (dataDeclared == 0 && riffPlaceholder)) {
            // a recorder streaming the file writes placeholder sizes and patches them when it stops
            dataDeclared = present;
        }
        Duration declaredDuration = duration(fmt, dataDeclared, factSamples);
        MediaInfo info = new MediaInfo(MediaFormat.WAV, fmt.codec(), fmt.channels(), (int) fmt.sampleRate(),
                declaredDuration, false);
        if (dataDeclared - present > Math.max(fmt.blockAlign(), 1)) {
            return new Reading(info, Truncation.ofDeclaredLength("its WAV header", dataDeclared, declaredDuration,
                    present));
        }
        return Reading.whole(info);
    }

    private static WaveFormat parseFmt(byte[] chunk, long declaredLength) throws MediaFault {
        if (declaredLength < WaveFormat.BASE_SIZE) {
            throw MediaFault.damaged("has a damaged WAV header: its fmt chunk is only " + declaredLength + " bytes");
        }
        return WaveFormat.parse(chunk, 0);
    }

    /** PCM: whole frames in the data; compressed: the fact chunk's sample count, else the stated data rate. */
    private static Duration duration(WaveFormat fmt, long dataBytes, long factSamples) {
        if (fmt.isPcm() && fmt.blockAlign() > 0) {
            return MediaTime.of(dataBytes / fmt.blockAlign(), fmt.sampleRate());
        }
        if (factSamples >= 0) {
            return MediaTime.of(factSamples, fmt.sampleRate());
        }
        return MediaTime.of(dataBytes, fmt.bytesPerSecond());
    }
}
