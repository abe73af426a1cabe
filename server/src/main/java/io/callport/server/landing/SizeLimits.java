package io.callport.server.landing;

import io.callport.validate.Limits;

/** The size limit of each kind of file; the defaults are the ones Callport promises. */
public record SizeLimits(long recordingBytes, long zipBytes, long metadataBytes) {
    /** A metadata file (CSV, JSON, XML) holds rows, not audio; 1 GB is millions of rows. */
    public static final long DEFAULT_METADATA_BYTES = 1024L * 1024 * 1024;
    public static final SizeLimits DEFAULT =
            new SizeLimits(Limits.MAX_MEDIA_BYTES, Limits.MAX_ZIP_BYTES, DEFAULT_METADATA_BYTES);

    public SizeLimit limitFor(String fileName) {
        FileKind kind = FileKind.of(fileName);
        return SizeLimit.forKind(kind, switch (kind) {
            case RECORDING -> recordingBytes;
            case ZIP -> zipBytes;
            case METADATA -> metadataBytes;
        });
    }

    /** The largest file of any kind. */
    public long largest() {
        return Math.max(recordingBytes, Math.max(zipBytes, metadataBytes));
    }
}
