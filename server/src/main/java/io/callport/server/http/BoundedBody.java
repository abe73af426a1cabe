package io.callport.server.http;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read as a stream with a size limit enforced while reading, so a body is never held whole in
 * memory and an oversized one fails as soon as it passes the limit with {@link BodyTooLargeException} (413),
 * whatever Content-Length claimed.
 */
public final class BoundedBody extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    private BoundedBody(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    /** The body of {@code ctx}, refused at once when its declared length is already over {@code limit}. */
    public static InputStream of(Context ctx, long limit, String what) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw ApiException.payloadTooLarge(tooLargeMessage(limit, what));
        }
        return new BoundedBody(ctx.bodyInputStream(), limit, what);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) throws BodyTooLargeException {
        count += bytes;
        if (count > limit) {
            throw new BodyTooLargeException(tooLargeMessage(limit, what));
        }
    }

    private static String tooLargeMessage(long limit, String what) {
        return "The " + what + " is larger than the limit of " + limit / (1024 * 1024) + " MB.";
    }
}
