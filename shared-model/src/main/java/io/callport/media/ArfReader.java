package io.callport.media;

/**
 * Webex Advanced Recording Format: proprietary, undocumented. Callport recognises it by the two signatures
 * published for it and takes it in without reading its contents, so channels, rate and duration stay unknown.
 */
final class ArfReader implements ContainerReader {

    private static final byte[][] SIGNATURES = {Bytes.of(0x01, 0x00, 0x02, 0x00), Bytes.of(0x01, 0x00, 0x39, 0x30)};

    @Override
    public MediaFormat format() {
        return MediaFormat.ARF;
    }

    @Override
    public boolean recognises(byte[] head) {
        for (byte[] signature : SIGNATURES) {
            if (Bytes.has(head, 0, signature)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Reading read(ByteSource source) {
        return Reading.whole(new MediaInfo(MediaFormat.ARF, "webex-arf", 0, 0, null, false));
    }
}
