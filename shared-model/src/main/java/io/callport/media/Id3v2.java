package io.callport.media;

/**
 * The ID3v2 tag that MP3 (and some FLAC) files start with: "ID3", version, flags and a 28-bit "syncsafe" size
 * (7 bits per byte). The probe skips it before recognising the content.
 */
final class Id3v2 {

    static final int HEADER_BYTES = 10;
    private static final int FOOTER_PRESENT = 0x10;

    private Id3v2() {
    }

    /** The whole tag's length (header, body, footer) when {@code header} starts one; 0 otherwise. */
    static long tagLength(byte[] header) {
        if (header.length < HEADER_BYTES || !Bytes.hasAscii(header, 0, "ID3") || Bytes.u8(header, 3) == 0xFF
                || Bytes.u8(header, 4) == 0xFF) {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < HEADER_BYTES; i++) {
            if ((header[i] & 0x80) != 0) {
                return 0;
            }
            size = size << 7 | header[i];
        }
        boolean footer = (header[5] & FOOTER_PRESENT) != 0;
        return HEADER_BYTES + size + (footer ? HEADER_BYTES : 0);
    }
}
