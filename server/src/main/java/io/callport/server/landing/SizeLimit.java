package io.callport.server.landing;

/**
 * The most bytes one file may have, and how to name that limit in a sentence.
 *
 * @param bytes       the largest allowed size
 * @param description e.g. "the 2 GB limit for a recording" or "its declared size of 1.5 MB"
 */
public record SizeLimit(long bytes, String description) {

    public static SizeLimit forKind(FileKind kind, long bytes) {
        return new SizeLimit(bytes, "the " + ByteSizes.format(bytes) + " limit for " + kind.description());
    }

    public static SizeLimit declared(long bytes) {
        return new SizeLimit(bytes, "its declared size of " + ByteSizes.format(bytes));
    }

    /** The stricter of the two. */
    public SizeLimit min(SizeLimit other) {
        return other.bytes < bytes ? other : this;
    }
}
