package io.callport.server.pull;

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
        assertThatThrownBy(() -> cipher.decrypt(once, "pull_b")).isInstanceOfSatisfying(PullException.class,
                e -> assertThat(e.failure()).isEqualTo(PullFailure.CREDENTIALS_UNREADABLE));
        // flip one bit of the ciphertext itself (changing the last base64 letter may only touch padding bits)
        byte[] sealed = java.util.Base64.getDecoder().decode(once.substring("v1:".length()));
        sealed[sealed.length / 2] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "pull_a")).isInstanceOf(PullException.class);
    }

    @Test
    void anotherKeyCannotDecryptAndSaysWhatToDo() {
        String sealed = CredentialCipher.fromBase64(CredentialCipher.generateKey()).encrypt("pw", "pull_a");

        assertThatThrownBy(() -> CredentialCipher.fromBase64(CredentialCipher.generateKey()).decrypt(sealed, "pull_a"))
                .hasMessageContaining("credential key").hasMessageContaining("Enter the connector's password");
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
