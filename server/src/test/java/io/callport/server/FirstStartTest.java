package io.callport.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStartTest {
    @TempDir
    Path temp;

    @Test
    void aNewDataFolderGetsAnOrganisationAndAnOwnerKeyReadableByTheOwnerOnly() throws Exception {
        Path dataDir = temp.resolve("data");

        try (TestServer server = TestServer.start(dataDir)) {
            String key = server.ownerKey();
            assertThat(key).matches("cp_[0-9A-Za-z]{43}");
            Path keyFile = dataDir.resolve("initial-owner-key.txt");
            assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(server.get("/api/v1/campaigns", key).status()).isEqualTo(200);
            assertThat(server.get("/api/v1/users", key).status()).as("the key is an owner's").isEqualTo(200);
            assertThat(dataDir.resolve("ssh_host_ed25519_key")).as("the SFTP component makes the host key")
                    .doesNotExist();
        }
    }

    @Test
    void aRestartKeepsTheDataAndDoesNotMakeAnotherKey() throws Exception {
        Path dataDir = temp.resolve("data");
        String key;
        String campaignId;
        try (TestServer first = TestServer.start(dataDir)) {
            key = first.ownerKey();
            campaignId = first.createCampaign("Sales");
        }
        String keyFileBefore = Files.readString(dataDir.resolve("initial-owner-key.txt"));

        try (TestServer second = TestServer.start(dataDir)) {
            assertThat(second.ownerKey()).isNull();
            assertThat(second.server().initialOwnerKey()).isEmpty();
            TestServer.Response campaign = second.get("/api/v1/campaigns/" + campaignId, key);
            assertThat(campaign.status()).isEqualTo(200);
            assertThat(campaign.json().get("name").asText()).isEqualTo("Sales");
            assertThat(second.get("/api/v1/api-keys", key).json()).hasSize(1);
        }
        assertThat(Files.readString(dataDir.resolve("initial-owner-key.txt"))).isEqualTo(keyFileBefore);
    }

    @Test
    void anExistingDataFolderKeepsItsPermissions() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        try (TestServer ignored = TestServer.start(dataDir)) {
            assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE));
        }
    }
}
