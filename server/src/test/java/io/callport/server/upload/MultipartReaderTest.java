package io.callport.server.upload;

import static io.callport.server.upload.MultipartForm.BOUNDARY;
import static io.callport.server.upload.MultipartForm.CONTENT_TYPE;
import static io.callport.server.upload.MultipartForm.field;
import static io.callport.server.upload.MultipartForm.filePart;
import static io.callport.server.upload.MultipartForm.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.BadRequestResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 65_536, 1 << 20})
    void partsComeOutExactlyWhateverTheReadSizes(int maxRead) throws IOException {
        // A file full of near-misses of the delimiter, long enough to cross the reader's buffer several times.
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            file.write(noise);
            file.write(("\r\n--" + BOUNDARY).substring(0, random.nextInt(BOUNDARY.length() + 3))
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] fileBytes = file.toByteArray();
        byte[] body = form(List.of(
                field("campaignId", "c-sales"),
                filePart("file", "call \\\"1\\\".wav", fileBytes),
                field("metadata", "{\"agent\":\"ann\"}")));

        List<String> seen = new ArrayList<>();
        MultipartReader reader = new MultipartReader(new TrickleStream(body, maxRead), CONTENT_TYPE);
        for (Optional<MultipartReader.Part> part = reader.next(); part.isPresent(); part = reader.next()) {
            MultipartReader.Part p = part.get();
            if (p.name().equals("file")) {
                assertThat(p.fileName()).contains("call \"1\".wav");
                assertThat(p.body().readAllBytes()).isEqualTo(fileBytes);
            } else {
                seen.add(p.name() + "=" + p.text(1000));
            }
        }
        assertThat(seen).containsExactly("campaignId=c-sales", "metadata={\"agent\":\"ann\"}");
    }

    @Test
    void unreadPartsAreSkippedAndPreambleIgnored() throws IOException {
        byte[] body = ("preamble text\r\n" + new String(form(List.of(filePart("skipped", "a.bin", new byte[100_000]),
                field("kept", "yes"))), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);

        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), CONTENT_TYPE);
        assertThat(reader.next()).get().extracting(MultipartReader.Part::name).isEqualTo("skipped");
        MultipartReader.Part kept = reader.next().orElseThrow();
        assertThat(kept.text(10)).isEqualTo("yes");
        assertThat(reader.next()).isEmpty();
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void truncatedBodyIsAnError() throws IOException {
        byte[] whole = form(List.of(filePart("file", "a.wav", new byte[5000])));
        byte[] cut = Arrays.copyOf(whole, 3000);

        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(cut), CONTENT_TYPE);
        InputStream file = reader.next().orElseThrow().body();
        assertThatThrownBy(file::readAllBytes).isInstanceOf(EOFException.class)
                .hasMessage("The form ended before its closing boundary.");
    }

    @Test
    void oversizedFieldAndMissingBoundaryAreRefused() throws IOException {
        MultipartReader reader = new MultipartReader(
                new ByteArrayInputStream(form(List.of(field("metadata", "x".repeat(2000))))), CONTENT_TYPE);
        MultipartReader.Part part = reader.next().orElseThrow();
        assertThatThrownBy(() -> part.text(1000)).hasMessage("The form field \"metadata\" is longer than 1000 bytes.");

        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), "multipart/form-data"))
                .isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), "application/json"))
                .hasMessage("Send the upload as multipart/form-data.");
        assertThat(MultipartReader.boundaryOf("multipart/form-data; charset=utf-8; boundary=\"a b\""))
                .isEqualTo("a b");
    }

    /** Hands out at most {@code maxRead} bytes per read, as a slow network does. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int maxRead;

        TrickleStream(byte[] bytes, int maxRead) {
            super(bytes);
            this.maxRead = maxRead;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, maxRead));
        }
    }
}
