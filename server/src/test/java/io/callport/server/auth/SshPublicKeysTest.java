package io.callport.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.store.InvalidValueException;
import io.callport.server.store.SshKeyMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.api.Test;

/** The fixtures were made by ssh-keygen; fingerprints.txt holds what ssh-keygen -l printed for each. */
class SshPublicKeysTest {

    static String fixture(String file) throws IOException {
        try (InputStream in = SshPublicKeysTest.class.getResourceAsStream("/ssh-keys/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/ssh-keys/fingerprints.txt", delimiter = ' ')
    void fingerprintsAndSizesMatchSshKeygen(String file, int bits, String fingerprint) throws IOException {
        String line = fixture(file);
        boolean acceptable = !file.startsWith("dsa") && !file.equals("rsa1024.pub");

        if (acceptable) {
            SshKeyMaterial key = SshPublicKeys.parse(line);
            assertThat(key.fingerprint()).isEqualTo(fingerprint);
            assertThat(key.bits()).isEqualTo(bits);
            assertThat(key.comment()).isEqualTo(file.replace(".pub", "") + "@test");
            assertThat(key.publicKey()).isEqualTo(line.strip().substring(0, line.strip().lastIndexOf(' ')));
        } else {
            assertThatThrownBy(() -> SshPublicKeys.parse(line)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void aKeyWithoutCommentAndWithSurroundingSpaceIsFine() throws IOException {
        String[] parts = fixture("ed25519.pub").split(" ");

        SshKeyMaterial key = SshPublicKeys.parse("  " + parts[0] + "   " + parts[1] + "\n");

        assertThat(key.comment()).isNull();
        assertThat(key.algorithm()).isEqualTo("ssh-ed25519");
    }

    @Test
    void damagedKeysAreRefusedWithAReasonAPersonUnderstands() throws IOException {
        String[] ed25519 = fixture("ed25519.pub").split(" ");
        byte[] blob = Base64.getDecoder().decode(ed25519[1]);
        byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 3);
        byte[] wrongLength = blob.clone();
        wrongLength[wrongLength.length - 33] = 31; // the key's own length field says 31 bytes

        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)))
                .hasMessage("The key data has 3 unexpected bytes at the end.");
        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519 " + Base64.getEncoder().encodeToString(wrongLength)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519"))
                .hasMessageContaining("has a type, then its base64 data");
        assertThatThrownBy(() -> SshPublicKeys.parse("sk-ssh-ed25519@openssh.com AAAA"))
                .hasMessageContaining("'sk-ssh-ed25519@openssh.com' is not accepted");
        assertThatThrownBy(() -> SshPublicKeys.parse("ssh-ed25519 AAAA\nssh-rsa AAAA"))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> SshPublicKeys.parse("---- BEGIN SSH2 PUBLIC KEY ----"))
                .hasMessageContaining("ssh-keygen -i");
        String ecdsa = fixture("ecdsa256.pub").split(" ")[1];
        assertThatThrownBy(() -> SshPublicKeys.parse("ecdsa-sha2-nistp384 " + ecdsa))
                .hasMessageContaining("says it is ecdsa-sha2-nistp384 but its data holds a ecdsa-sha2-nistp256 key");
    }
}
