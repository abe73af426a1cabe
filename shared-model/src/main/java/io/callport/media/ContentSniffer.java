package io.callport.media;

import java.io.IOException;
import java.util.List;

/** Finds the container reader for a file by its first bytes, never by its name. */
final class ContentSniffer {

    /** Enough to hold two of the longest MPEG audio frames after up to 4 KB of padding. */
    static final int SNIFF_BYTES = 8 * 1024;
    private static final int MAX_ID3_TAGS = 16;

    /** Signature formats first; MP3 (a frame sync word) and raw GSM (a nibble per frame) are the weakest tests. */
    private static final List<ContainerReader> READERS = List.of(
            new WavReader(), new AiffReader(), new AuReader(), new FlacReader(), new OggReader(),
            new MatroskaReader(), new AsfReader(), new Mp4Reader(), new MpegPsReader(), new ArfReader(),
            new Mp3Reader(), new GsmReader());

    private ContentSniffer() {
    }

    /** The reader that recognises {@code head}, or null when none does. */
    static ContainerReader readerFor(byte[] head) {
        for (ContainerReader reader : READERS) {
            if (reader.recognises(head)) {
                return reader;
            }
        }
        return null;
    }

    /**
     * Where the content starts: after any ID3v2 tags (an MP3 may carry a few; a file of nothing but empty tags is
     * not worth walking). May lie past the end.
     */
    static long contentStart(ByteSource source) throws IOException {
        long start = 0;
        for (int tags = 0; tags < MAX_ID3_TAGS; tags++) {
            long tag = Id3v2.tagLength(source.readAt(start, Id3v2.HEADER_BYTES));
            if (tag == 0) {
                break;
            }
            start += tag;
        }
        return start;
    }
}
