package io.callport.server.sftp;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import io.callport.server.landing.LandedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** lftp and rclone, two clients admins script uploads with, against the embedded SFTP server. */
class OtherClientsTest extends SftpServerFixture {

    @Test
    void lftpUploadsInPlaceAndWithItsHiddenTemporaryName() throws Exception {
        byte[] first = randomBytes(1_200_000, 21);
        byte[] second = randomBytes(800_000, 22);
        Files.write(local.resolve("in-place.wav"), first);
        Files.write(local.resolve("via-temp.wav"), second);
        String ssh = "ssh -a -x -i " + salesKey + " -o IdentitiesOnly=yes -o BatchMode=yes"
                + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=" + dir.resolve("known_hosts");

        String output = run("lftp", "-c", String.join("; ",
                "set sftp:connect-program '" + ssh + "'",
                "set net:max-retries 1",
                "open -u sales-uploader, -p " + server.port() + " sftp://127.0.0.1",
                "put " + local.resolve("in-place.wav"),
                "set xfer:use-temp-file yes",
                "put " + local.resolve("via-temp.wav"),
                "cls -1"));

        assertThat(output).contains("in-place.wav", "via-temp.wav");
        assertThat(events).extracting(LandedFile::relativePath).containsExactly("in-place.wav", "via-temp.wav");
        assertThat(sha256(events.get(0).file())).isEqualTo(sha256(first));
        assertThat(sha256(events.get(1).file())).isEqualTo(sha256(second));
        try (var files = Files.list(landing.campaignDir(SALES))) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("in-place.wav", "via-temp.wav");
        }
    }

    @Test
    void rcloneCopiesAFolderOfRecordingsAndACsv() throws Exception {
        Path batch = Files.createDirectories(local.resolve("batch"));
        byte[] recording = randomBytes(1_500_000, 23);
        Files.write(batch.resolve("20261102-095100_inbound_512.wav"), recording);
        Files.writeString(batch.resolve("calls.csv"), "call_id,agent\n512,bob\n");
        String remote = ":sftp,host=127.0.0.1,port=" + server.port() + ",user=sales-uploader,key_file=" + salesKey
                + ",known_hosts_file=" + dir.resolve("rclone_known_hosts") + ",disable_hashcheck=true"
                + ",shell_type=none:2026-11-02";
        Files.createDirectories(landing.campaignDir(SALES).resolve("2026-11-02"));
        String hostKey = HostKey.loadOrCreate(dir.resolve(SftpSettings.HOST_KEY_FILE_NAME)).publicKeyLine();
        Files.writeString(dir.resolve("rclone_known_hosts"), "[127.0.0.1]:" + server.port() + " " + hostKey + "\n");

        run("rclone", "copy", "--config", "/dev/null", "--retries", "1", "--low-level-retries", "1",
                batch.toString(), remote);

        assertThat(events).extracting(LandedFile::relativePath).containsExactlyInAnyOrder(
                "2026-11-02/20261102-095100_inbound_512.wav", "2026-11-02/calls.csv");
        assertThat(events).filteredOn(e -> e.relativePath().endsWith(".wav")).singleElement()
                .extracting(file -> sha256(file.file())).isEqualTo(sha256(recording));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
