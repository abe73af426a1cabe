package io.callport.server.ingest;

import static io.callport.server.TestBytes.randomBytes;
import static io.callport.server.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalRecorderTest {
    @TempDir
    Path folder;
    private final List<Intake.Arrival> recorded = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();

    @Test
    void eachLandedFileIsRecordedOnceWithTheHashOfItsContent() throws Exception {
        ArrivalRecorder recorder = recorder(recorded::addAll);
        recorder.start();
        byte[] first = randomBytes(300_000, 1);
        byte[] second = randomBytes(20, 2);

        recorder.add(landed("a.wav", first));
        recorder.add(landed("a.json", second));
        awaitReleased(2);
        recorder.stop();

        assertThat(recorded).extracting(Intake.Arrival::path).containsExactly("a.wav", "a.json");
        assertThat(recorded).extracting(Intake.Arrival::sha256).containsExactly(sha256(first), sha256(second));
        assertThat(released).containsExactly("a.wav", "a.json");
    }

    @Test
    void aGroupTheDatabaseRefusesIsTriedAgainUntilItIsRecorded() throws Exception {
        AtomicInteger refusals = new AtomicInteger(2);
        ArrivalRecorder recorder = recorder(arrivals -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("database unreachable");
            }
            recorded.addAll(arrivals);
        });
        recorder.start();

        recorder.add(landed("b.wav", randomBytes(100, 3)));
        awaitReleased(1);
        recorder.stop();

        assertThat(recorded).extracting(Intake.Arrival::path).containsExactly("b.wav");
        assertThat(refusals.get()).as("refused twice, then taken").isEqualTo(-1);
    }

    @Test
    void aFileGoneBeforeItIsReadIsLeftOutAndTheRestRecorded() throws Exception {
        ArrivalRecorder recorder = recorder(recorded::addAll);
        ArrivalRecorder.Landed gone = landed("gone.wav", randomBytes(10, 4));
        Files.delete(gone.file());
        recorder.add(gone);
        recorder.add(landed("kept.wav", randomBytes(10, 5)));

        recorder.start();
        awaitReleased(2);
        recorder.stop();

        assertThat(recorded).extracting(Intake.Arrival::path).containsExactly("kept.wav");
        assertThat(released).containsExactlyInAnyOrder("gone.wav", "kept.wav");
    }

    @Test
    void stoppingRecordsWhatHasLandedSoFar() throws Exception {
        ArrivalRecorder recorder = recorder(recorded::addAll);
        recorder.start();
        for (int i = 0; i < 50; i++) {
            recorder.add(landed("call-" + i + ".wav", randomBytes(1_000, i)));
        }

        recorder.stop();
        recorder.add(landed("after.wav", randomBytes(10, 99)));

        assertThat(recorded).hasSize(50);
        assertThat(released).hasSize(50);
    }

    private ArrivalRecorder recorder(Consumer<List<Intake.Arrival>> record) {
        return new ArrivalRecorder(record, landed -> released.add(landed.arrival().path()));
    }

    private ArrivalRecorder.Landed landed(String name, byte[] content) throws Exception {
        Path file = Files.write(folder.resolve(name), content);
        return new ArrivalRecorder.Landed(new Intake.Arrival("upload-" + name, null, "org/sales/" + name, name,
                content.length, null, "SFTP", Instant.now(), null, null), file);
    }

    private void awaitReleased(int files) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (released.size() < files && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(released).hasSize(files);
    }
}
