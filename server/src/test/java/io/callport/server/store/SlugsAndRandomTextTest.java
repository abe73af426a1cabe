package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsAndRandomTextTest {

    @Test
    void slugsKeepLettersAndDigitsOnly() {
        assertThat(Slugs.of("  Ventes – Région Île-de-France  ", "x")).isEqualTo("ventes-region-ile-de-france");
        assertThat(Slugs.of("日本語", "campaign")).isEqualTo("campaign");
        assertThat(Slugs.of("a".repeat(60) + " b", "x")).hasSize(Slugs.MAX_LENGTH);
        assertThat(Slugs.numbered("a".repeat(48), 12)).isEqualTo("a".repeat(45) + "-12");
        assertThat(Slugs.isValid("sales-2")).isTrue();
        assertThat(Slugs.isValid("-sales")).isFalse();
        assertThat(Slugs.isValid("../etc")).isFalse();
    }

    @Test
    void base62OfThirtyTwoBytesHasFortyThreeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String text = RandomText.base62(32);
            assertThat(text).hasSize(43).matches("[0-9A-Za-z]+");
            seen.add(text);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void encodingIsPlainBigEndianBaseConversion() {
        char[] digits = "0123456789".toCharArray();
        assertThat(RandomText.encode(new byte[] {0x01, 0x00}, digits)).isEqualTo("00256");
        assertThat(RandomText.encode(new byte[] {(byte) 0xff}, digits)).isEqualTo("255");
    }

    @Test
    void idsCarryTheirTypePrefix() {
        assertThat(Ids.next("cmp")).matches("cmp_[0-9A-Za-z]{17}");
    }
}
