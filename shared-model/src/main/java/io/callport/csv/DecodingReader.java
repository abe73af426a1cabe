package io.callport.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to text like {@link java.io.InputStreamReader}, but counts the malformed sequences it replaces
 * with U+FFFD, so a validator can tell the admin which row has bytes that are not in the file's encoding
 * instead of failing the whole file or silently mangling it.
 */
final class DecodingReader extends Reader {
    static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024).flip();
    private long malformedSequences;
    private boolean endOfInput;
    private boolean flushed;

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** How many byte sequences so far were not valid text in the encoding. */
    long malformedSequences() {
        return malformedSequences;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (out.position() == offset) {
            if (flushed) {
                return -1;
            }
            if (!bytes.hasRemaining() && !endOfInput) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                malformedSequences++;
                bytes.position(bytes.position() + result.length());
                out.put(REPLACEMENT);
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    flushed = true;
                } else {
                    fill();
                }
            }
        }
        return out.position() - offset;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
