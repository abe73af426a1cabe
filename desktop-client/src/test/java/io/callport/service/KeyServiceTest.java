package io.callport.service;

import static io.callport.service.ExternalTools.exitStatus;
import static io.callport.service.ExternalTools.installed;
import static io.callport.service.ExternalTools.run;
import static io.callport.service.ExternalTools.withoutComment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys are checked by the tools people use them with: OpenSSH's ssh-keygen and PuTTY's puttygen. */
class KeyServiceTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;
    private final KeyService keys = new KeyService();

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void openSshReadsThePrivateKeyAndDerivesTheSamePublicKey(KeyType type) throws Exception {
        GeneratedKey key = keys.generate(type, "ann@callport-test", null);
        Path privateKey = dir.resolve(type.fileName());

        keys.save(key, privateKey);

        String derived = run("ssh-keygen", "-y", "-f", privateKey.toString());
        assertThat(withoutComment(derived)).isEqualTo(withoutComment(key.publicKey()));
        assertThat(Files.readString(dir.resolve(type.fileName() + ".pub"))).isEqualTo(key.publicKey() + "\n");
        assertThat(key.publicKey()).startsWith(type == KeyType.ED25519 ? "ssh-ed25519 AAAA" : "ssh-rsa AAAA")
                .endsWith(" ann@callport-test");
        assertThat(run("ssh-keygen", "-l", "-f", dir.resolve(type.fileName() + ".pub").toString()))
                .startsWith(type.bits() + " " + key.fingerprint() + " ann@callport-test");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        assertThat(key.protectedByPassphrase()).isFalse();
    }

    @Test
    void aPassphraseProtectsTheOpenSshKey() throws Exception {
        GeneratedKey key = keys.generate(KeyType.ED25519, "ann", PASSPHRASE.toCharArray());
        Path privateKey = dir.resolve("id_ed25519");
        keys.save(key, privateKey);

        assertThat(key.protectedByPassphrase()).isTrue();
        assertThat(withoutComment(run("ssh-keygen", "-y", "-P", PASSPHRASE, "-f", privateKey.toString())))
                .isEqualTo(withoutComment(key.publicKey()));
        assertThat(exitStatus("ssh-keygen", "-y", "-P", "wrong guess", "-f", privateKey.toString())).isNotZero();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theUnprotectedPuttyFileIsTheOnePuttygenWritesForTheSameKey(KeyType type) throws Exception {
        GeneratedKey key = keys.generate(type, "ann@callport-test", null);
        keys.save(key, dir.resolve("key"));
        Path ppk = dir.resolve("key.ppk");

        keys.exportPutty(key, ppk);

        List<String> lines = Files.readAllLines(ppk);
        assertThat(lines.subList(0, 3)).containsExactly(
                "PuTTY-User-Key-File-3: " + (type == KeyType.ED25519 ? "ssh-ed25519" : "ssh-rsa"),
                "Encryption: none",
                "Comment: ann@callport-test");
        assertThat(lines.get(3)).startsWith("Public-Lines: ");
        assertThat(lines.getLast()).matches("Private-MAC: [0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ppk))).isEqualTo("rw-------");
        assertThat(publicBlobOf(KeyPair.load(new JSch(), ppk.toString()))).isEqualTo(publicBlobOf(key));

        assumeTrue(installed("puttygen"), "puttygen (putty-tools) is not installed");
        Path reference = dir.resolve("reference.ppk");
        run("puttygen", dir.resolve("key").toString(), "-O", "private", "-o", reference.toString());
        assertThat(Files.readString(ppk)).isEqualTo(Files.readString(reference));
    }

    @Test
    void aPassphraseEncryptsThePuttyFileWithArgon2() throws Exception {
        GeneratedKey key = keys.generate(KeyType.ED25519, "ann", PASSPHRASE.toCharArray());
        Path ppk = dir.resolve("key.ppk");

        keys.exportPutty(key, ppk);

        List<String> lines = Files.readAllLines(ppk);
        assertThat(lines).contains("Encryption: aes256-cbc", "Key-Derivation: Argon2id",
                "Argon2-Memory: " + PuttyKeyFile.ARGON2_MEMORY_KIB, "Argon2-Passes: " + PuttyKeyFile.ARGON2_PASSES);
        assertThat(lines).anyMatch(line -> line.matches("Argon2-Salt: [0-9a-f]{32}"));
        KeyPair loaded = KeyPair.load(new JSch(), ppk.toString());
        assertThat(loaded.isEncrypted()).isTrue();
        assertThat(loaded.decrypt(PASSPHRASE.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(publicBlobOf(loaded)).isEqualTo(publicBlobOf(key));

        assumeTrue(installed("puttygen"), "puttygen (putty-tools) is not installed");
        // converting the private key needs the passphrase and a matching MAC; the copy keeps the passphrase
        Path passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE);
        Path converted = dir.resolve("converted");
        run("puttygen", ppk.toString(), "--old-passphrase", passphraseFile.toString(), "-O", "private-openssh",
                "-o", converted.toString());
        assertThat(withoutComment(run("ssh-keygen", "-y", "-P", PASSPHRASE, "-f", converted.toString())))
                .isEqualTo(withoutComment(key.publicKey()));
        Path wrongFile = Files.writeString(dir.resolve("wrong"), "wrong guess");
        assertThat(exitStatus("puttygen", ppk.toString(), "--old-passphrase", wrongFile.toString(),
                "-O", "private-openssh", "-o", dir.resolve("never").toString())).isNotZero();
    }

    private static byte[] publicBlobOf(KeyPair pair) {
        return pair.getPublicKeyBlob();
    }

    private static byte[] publicBlobOf(GeneratedKey key) {
        return Base64.getDecoder().decode(key.publicKey().split(" ")[1]);
    }
}
