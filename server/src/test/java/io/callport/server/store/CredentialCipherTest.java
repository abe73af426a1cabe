package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {
    @Test
    void encryptsWithAFreshNonceAndDecryptsOnlyInItsContext() throws Exception {
        CredentialCipher cipher = CredentialCipher.fromBase64(CredentialCipher.generateKey());

        String once = cipher.encrypt("hunter2", "pull_a");
        String twice = cipher.encrypt("hunter2", "pull_a");

        assertThat(once).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(twice);
        assertThat(cipher.decrypt(once, "pull_a")).isEqualTo("hunter2");
        assertThatThrownBy(() -> cipher.decrypt(once, "pull_b"))
                .isInstanceOf(CredentialCipher.UnreadableException.class);
        // flip one bit of the ciphertext itself (changing the last base64 letter may only touch padding bits)
        byte[] sealed = java.util.Base64.getDecoder().decode(once.substring("v1:".length()));
        sealed[sealed.length / 2] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "pull_a"))
                .isInstanceOf(CredentialCipher.UnreadableException.class);
        assertThatThrownBy(() -> cipher.decrypt("whsec_plain", "pull_a"))
                .isInstanceOf(CredentialCipher.UnreadableException.class);
        assertThat(CredentialCipher.isEncrypted(once)).isTrue();
        assertThat(CredentialCipher.isEncrypted("whsec_plain")).isFalse();
    }

    @Test
    void anotherKeyCannotDecryptAndSaysWhichSettingToCheck() {
        String sealed = CredentialCipher.fromBase64(CredentialCipher.generateKey()).encrypt("pw", "pull_a");

        assertThatThrownBy(() -> CredentialCipher.fromBase64(CredentialCipher.generateKey()).decrypt(sealed, "pull_a"))
                .hasMessage("The stored value cannot be decrypted with this server's credential key (was "
                        + "credential-key or credential.key changed?).");
    }

    @Test
    void withoutAConfiguredKeyOneIsCreatedOnceReadableByTheOwnerOnly(@TempDir Path data) throws Exception {
        Path keyFile = data.resolve(CredentialCipher.KEY_FILE);
        String sealed = CredentialCipher.fromSettingOrFile(null, keyFile).encrypt("pw", "pull_a");

        assertThat(CredentialCipher.fromSettingOrFile("", keyFile).decrypt(sealed, "pull_a")).isEqualTo("pw");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String configured = Files.readString(keyFile).strip();
        assertThat(CredentialCipher.fromSettingOrFile(configured, data.resolve("unused")).decrypt(sealed, "pull_a"))
                .isEqualTo("pw");
        assertThat(data.resolve("unused")).doesNotExist();
    }

    @Test
    void aMalformedKeyIsRefused() {
        assertThatThrownBy(() -> CredentialCipher.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes")
                .hasMessageContaining("this one has 5");
        assertThatThrownBy(() -> CredentialCipher.fromBase64("not base64!")).hasMessageContaining("not base64");
    }
}
