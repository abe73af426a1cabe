package io.callport.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder sends its recordings and CSV over real SFTP (JSch) with a key registered through the API. */
class SftpIngestionTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path keys;
    PipelineServer server;

    @BeforeEach
    void start() throws Exception {
        server = PipelineServer.start(dataDir);
        server.agent("478", null, "Ann Lee");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void filesSentOverSftpBecomeCallsWithTheirSource() throws Exception {
        String campaign = server.campaign("Sales", true, 1);
        Session session = server.sftpSession(campaign, keys);
        try {
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
            sftp.put(new ByteArrayInputStream(Recordings.wav(700, 2, 8000)), "20260105-090000_inbound_478.wav");
            sftp.put(new ByteArrayInputStream(Recordings.wav(900)), "20260105-091500_outbound_478.wav");
            sftp.put(new ByteArrayInputStream(("call_id,agent,date,recording,queue\n"
                    + "S1,478,2026-01-05T09:00:00Z,20260105-090000_inbound_478.wav,Billing\n"
                    + "S2,478,2026-01-05T09:15:00Z,20260105-091500_outbound_478.wav,Billing\n")
                    .getBytes(StandardCharsets.UTF_8)), "calls-20260105.csv");
        } finally {
            session.disconnect();
        }

        assertThat(server.awaitBatchesFinal(campaign, Duration.ofSeconds(30)).getFirst().status())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(server.calls(campaign)).extracting(Call::contactReference, Call::status, Call::source,
                call -> call.media().channels()).containsExactlyInAnyOrder(
                tuple("S1", CallStatus.COMPLETED, "SFTP", 2), tuple("S2", CallStatus.COMPLETED, "SFTP", 1));
    }
}
