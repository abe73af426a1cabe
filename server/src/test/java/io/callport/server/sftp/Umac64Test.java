package io.callport.server.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Umac64Test {
    private static final byte[] KEY = "abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII);
    private static final long NONCE = 0x6263646566676869L; // "bcdefghi"

    /** The test vectors of RFC 4418, section 5 (the one of 2^25 bytes is past what this class takes). */
    @ParameterizedTest
    @CsvSource({"'', 0, 6E155FAD26900BE1", "a, 3, 44B5CB542F220104", "a, 1024, 26BF2F5D60118BD9",
            "a, 32768, 27F8EF643B0D118D", "a, 1048576, A4477E87E9F55853", "abc, 1, D4D7B9F6BD4FBFCF",
            "abc, 500, D4CF26DDEFD5C01A"})
    void givesTheRfcsTags(String part, int times, String tag) {
        byte[] message = part.repeat(times).getBytes(StandardCharsets.US_ASCII);
        Umac64 umac = new Umac64(KEY);
        umac.update(message, 0, message.length);

        assertThat(finish(umac, NONCE)).isEqualTo(tag);
    }

    @Test
    void aMessageFedInPiecesHasTheTagOfTheWholeAndEachFinishStartsANewMessage() {
        byte[] message = new byte[5000];
        new Random(7).nextBytes(message);
        Umac64 whole = new Umac64(KEY);
        whole.update(message, 0, message.length);
        String expected = finish(whole, 41);

        Umac64 pieces = new Umac64(KEY);
        pieces.update(new byte[100], 0, 100);
        finish(pieces, 40);
        int offset = 0;
        for (int piece : new int[] {1, 31, 33, 959, 1024, 7, 2945}) {
            pieces.update(message, offset, piece);
            offset += piece;
        }
        assertThat(offset).isEqualTo(message.length);
        assertThat(finish(pieces, 41)).isEqualTo(expected);
    }

    @Test
    void consecutiveNoncesSharingAPadBlockStillGiveDifferentTags() {
        Umac64 umac = new Umac64(KEY);
        assertThat(finish(umac, 6)).isNotEqualTo(finish(umac, 7));
    }

    @Test
    void refusesAMessageBeyondItsLimit() {
        Umac64 umac = new Umac64(KEY);
        byte[] megabyte = new byte[1 << 20];
        for (int i = 0; i < Umac64.MAX_MESSAGE_BYTES >> 20; i++) {
            umac.update(megabyte, 0, megabyte.length);
        }
        assertThatThrownBy(() -> umac.update(megabyte, 0, 1024)).isInstanceOf(IllegalStateException.class);
    }

    private static String finish(Umac64 umac, long nonce) {
        byte[] tag = new byte[Umac64.TAG_BYTES];
        umac.finish(nonce, tag, 0);
        return HexFormat.of().withUpperCase().formatHex(tag);
    }
}
