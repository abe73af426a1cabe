package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.service.api.SftpAccess;
import io.callport.service.credentials.FileCredentialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {
    private static final String KEY = "cp_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @TempDir
    Path folder;

    private Profiles profiles() {
        return new Profiles(folder, new FileCredentialStore(folder.resolve("credentials.json")));
    }

    @Test
    void savesSeveralProfilesAndReadsThemBackInANewSession() throws Exception {
        SftpAccess account = new SftpAccess("ssh_1", "sftp.example.com", 2222, "cp-default-k3j9x2", "cmp_1",
                "SHA256:abc");
        profiles().save(Profile.of("Production", "https://callport.example.com/")
                .withCampaign("cmp_1", "Inbound Sales").withTransport(Transport.SFTP)
                .withSftp(folder.resolve("id_ed25519"), account), KEY);
        profiles().save(Profile.of("staging", "http://127.0.0.1:8080"), "cp_other");

        Profiles reopened = profiles();
        assertThat(reopened.list()).extracting(Profile::name).containsExactly("Production", "staging");
        Profile production = reopened.find("Production").orElseThrow();
        assertThat(production.url()).isEqualTo("https://callport.example.com");
        assertThat(production.campaignName()).isEqualTo("Inbound Sales");
        assertThat(production.transport()).isEqualTo(Transport.SFTP);
        assertThat(production.sshKey()).isEqualTo(folder.resolve("id_ed25519"));
        assertThat(production.sftp()).isEqualTo(account);
        assertThat(reopened.apiKey("Production")).hasValue(KEY);
        assertThat(reopened.apiKey("staging")).hasValue("cp_other");
    }

    @Test
    void theKeyIsKeptOutOfTheProfilesFileInAFileOnlyTheOwnerReads() throws Exception {
        profiles().save(Profile.of("Production", "https://callport.example.com"), KEY);

        assertThat(Files.readString(folder.resolve(Profiles.FILE_NAME))).doesNotContain(KEY);
        Path secrets = folder.resolve("credentials.json");
        assertThat(Files.readString(secrets)).contains(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
    }

    @Test
    void savingWithoutAKeyKeepsTheStoredOneAndRemovingForgetsIt() throws Exception {
        profiles().save(Profile.of("Production", "https://callport.example.com"), KEY);
        profiles().save(Profile.of("Production", "https://callport.example.com").withTransport(Transport.SFTP), null);

        assertThat(profiles().apiKey("Production")).hasValue(KEY);
        assertThat(profiles().find("Production").orElseThrow().transport()).isEqualTo(Transport.SFTP);

        profiles().markUsed("Production");
        assertThat(profiles().lastUsed()).hasValue("Production");
        profiles().remove("Production");

        assertThat(profiles().list()).isEmpty();
        assertThat(profiles().apiKey("Production")).isEmpty();
        assertThat(profiles().lastUsed()).isEmpty();
    }
}
