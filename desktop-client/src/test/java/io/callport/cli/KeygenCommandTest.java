package io.callport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.ExternalTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeygenCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesAPassphraseProtectedRsaKeyOpenSshReadsAndItsPuttyFile() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "tea at five\nignored second line\n");
        Path key = dir.resolve("id_rsa");

        int status = run("keygen", "--type", "rsa", "--out", key.toString(), "--passphrase-file",
                passphrase.toString(), "--comment", "ops@northwind", "--ppk", dir.resolve("id_rsa.ppk").toString());

        assertThat(status).isZero();
        String publicKey = Files.readString(dir.resolve("id_rsa.pub")).strip();
        assertThat(publicKey).startsWith("ssh-rsa ").endsWith(" ops@northwind");
        assertThat(out.toString()).startsWith(publicKey + System.lineSeparator()).contains("SHA256:");
        assertThat(ExternalTools.run("ssh-keygen", "-y", "-P", "tea at five", "-f", key.toString())).startsWith(
                publicKey.substring(0, publicKey.lastIndexOf(' ')));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(dir.resolve("id_rsa.ppk")).subList(0, 3)).containsExactly(
                "PuTTY-User-Key-File-3: ssh-rsa", "Encryption: aes256-cbc", "Comment: ops@northwind");
    }

    @Test
    void ed25519IsTheDefault() throws Exception {
        int status = run("keygen", "--out", dir.resolve("key").toString());

        assertThat(status).isZero();
        assertThat(Files.readString(dir.resolve("key.pub"))).startsWith("ssh-ed25519 ");
        assertThat(ExternalTools.run("ssh-keygen", "-y", "-f", dir.resolve("key").toString())).startsWith("ssh-ed25519 ");
    }

    @Test
    void anExistingKeyIsNotReplacedUnlessForced() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "someone's key");

        assertThat(run("keygen", "--out", key.toString())).isEqualTo(CallportCommand.USAGE);
        assertThat(err.toString()).contains("already exists").contains("--force");
        assertThat(Files.readString(key)).isEqualTo("someone's key");

        assertThat(run("keygen", "--out", key.toString(), "--force")).isZero();
        assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    }

    @Test
    void aMissingPassphraseFileIsAUsageError() {
        int status = run("keygen", "--out", dir.resolve("key").toString(), "--passphrase-file",
                dir.resolve("nowhere").toString());

        assertThat(status).isEqualTo(CallportCommand.USAGE);
        assertThat(err.toString()).contains("cannot read the passphrase file");
        assertThat(dir.resolve("key")).doesNotExist();
    }

    private int run(String... args) {
        return CallportCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
