package io.callport.server.upload;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body part by part straight from the request stream, so a file part of any size
 * passes through a fixed buffer and never sits in memory or in a servlet temp folder.
 */
final class MultipartReader {
    private static final int BUFFER_SIZE = 256 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_BOUNDARY_LENGTH = 200;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern DISPOSITION_PARAM =
            Pattern.compile("(?i);\\s*([a-z*]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");

    /** One part; its body must be read (or skipped) before asking for the next part. */
    record Part(String name, Optional<String> fileName, InputStream body) {

        /** The body as text, refusing more than {@code maxBytes}. */
        String text(int maxBytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[Math.min(maxBytes + 1, 8192)];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    throw new ContentTooLargeResponse("The form field \"" + name + "\" is longer than " + maxBytes
                            + " bytes.");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private PartBody current;
    private boolean finished;

    MultipartReader(InputStream in, String contentType) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundaryOf(contentType)).getBytes(StandardCharsets.ISO_8859_1);
        this.skip = skipTable(delimiter);
        // The first boundary has no line break before it; pretending one was read lets one delimiter serve all.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The whole request the form is read from, to drain after refusing it. */
    InputStream request() {
        return in;
    }

    /** The next part, or empty after the closing boundary. */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        (current != null ? current : new PartBody()).skipRest();
        if (!fill(2)) {
            throw new EOFException("The form ended right after a boundary.");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        String headers = readHeaders();
        String disposition = header(headers, "content-disposition")
                .orElseThrow(() -> new BadRequestResponse("A form part has no Content-Disposition header."));
        String name = parameter(disposition, "name")
                .orElseThrow(() -> new BadRequestResponse("A form part has no name."));
        current = new PartBody();
        return Optional.of(new Part(name, parameter(disposition, "filename"), current));
    }

    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new BadRequestResponse("Send the upload as multipart/form-data.");
        }
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            throw new BadRequestResponse("The multipart/form-data content type has no boundary.");
        }
        String boundary = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        if (boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new BadRequestResponse("The multipart boundary is too long.");
        }
        return boundary;
    }

    /** Reads header lines up to the blank line, after the CRLF that ends the boundary line. */
    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int state = 0; // how much of "\r\n\r\n" was just seen, counting the boundary line's own CRLF
        while (state < 4) {
            if (!fill(1)) {
                throw new EOFException("The form ended inside a part's headers.");
            }
            byte b = buffer[position++];
            headers.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : (b == '\r' ? 1 : 0);
            if (headers.size() > MAX_HEADER_BYTES) {
                throw new BadRequestResponse("A form part's headers are too long.");
            }
        }
        return headers.toString(StandardCharsets.UTF_8);
    }

    private static Optional<String> header(String headers, String name) {
        return headers.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst();
    }

    private static Optional<String> parameter(String disposition, String name) {
        Matcher matcher = DISPOSITION_PARAM.matcher(disposition);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                return Optional.of(matcher.group(2) != null
                        ? matcher.group(2).replaceAll("\\\\(.)", "$1")
                        : matcher.group(3));
            }
        }
        return Optional.empty();
    }

    /** Makes at least {@code wanted} bytes available from {@code position}; false at the end of the stream. */
    private boolean fill(int wanted) throws IOException {
        while (limit - position < wanted) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    /**
     * The first whole delimiter in the buffered bytes, or -1. Boyer-Moore-Horspool: on a file's bytes most steps
     * skip a delimiter's length, so a gigabyte part costs a fraction of a byte-by-byte scan.
     */
    private int indexOfDelimiter() {
        int last = delimiter.length - 1;
        for (int i = position; i <= limit - delimiter.length; i += skip[buffer[i + last] & 0xff]) {
            int j = last;
            while (j >= 0 && buffer[i + j] == delimiter[j]) {
                j--;
            }
            if (j < 0) {
                return i;
            }
        }
        return -1;
    }

    /** How far the delimiter may move on when a window ends with a given byte. */
    private static int[] skipTable(byte[] pattern) {
        int[] skip = new int[256];
        Arrays.fill(skip, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            skip[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
        return skip;
    }

    /** A part's bytes up to the next delimiter; the delimiter itself is consumed at the end. */
    private final class PartBody extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!ended) {
                int found = indexOfDelimiter();
                // Without a match, the last delimiter-1 bytes may be the start of one and must wait for more data.
                int safeEnd = found >= 0 ? found : Math.max(position, limit - delimiter.length + 1);
                if (safeEnd > position) {
                    int count = Math.min(length, safeEnd - position);
                    System.arraycopy(buffer, position, target, offset, count);
                    position += count;
                    return count;
                }
                if (found == position) {
                    position += delimiter.length;
                    ended = true;
                } else if (!fill(limit - position + 1)) {
                    throw new EOFException("The form ended before its closing boundary.");
                }
            }
            return -1;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[BUFFER_SIZE];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
