package io.callport.ui.batch;

import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.upload.FileProgress;
import io.callport.service.upload.UploadPlan;
import io.callport.service.upload.UploadQueue;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadSnapshot;
import io.callport.service.upload.UploadState;
import io.callport.ui.common.Background;
import io.callport.ui.common.Durations;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.validate.Batch;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The upload of a checked batch: started in the background, then followed by reading the queue's progress a few
 * times a second (the transfers themselves never touch the FX thread), with pause, resume and cancel.
 */
public final class UploadModel {
    private static final javafx.util.Duration REFRESH = javafx.util.Duration.millis(250);

    private final UploadService uploads;
    private final LatestResult<UploadQueue> preparing;
    private final Timeline refresh = new Timeline(new KeyFrame(REFRESH, event -> refresh()));
    private final ObservableList<FileRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UploadState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper overall = new ReadOnlyStringWrapper(this, "overall", "");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<UploadSnapshot> last = new ReadOnlyObjectWrapper<>(this, "last");
    private UploadQueue queue;

    public UploadModel(UploadService uploads, Background background) {
        this.uploads = uploads;
        this.preparing = new LatestResult<>(background);
        refresh.setCycleCount(Animation.INDEFINITE);
    }

    /** Plans, prepares and starts the upload of the batch to the connection's campaign. */
    public void start(Batch batch, Connection connection) {
        Profile profile = connection.profile();
        forget();
        state.set(UploadState.READY);
        preparing.request(() -> uploads.prepare(profile, connection.client(), profile.campaignId(),
                UploadPlan.of(batch)), prepared -> {
            queue = prepared;
            rows.setAll(prepared.snapshot().files().stream().map(file -> new FileRow(file.name(), file.size()))
                    .toList());
            prepared.start();
            refresh();
            refresh.play();
        }, error -> {
            state.set(null);
            failure.set(Messages.format("batch.upload.failure", error.getMessage() == null ? error.toString()
                    : error.getMessage()));
        });
    }

    public void pause() {
        if (queue != null) {
            queue.pause();
            refresh();
        }
    }

    public void resume() {
        if (queue != null) {
            queue.resume();
            refresh();
        }
    }

    public void cancel() {
        if (queue != null) {
            queue.cancel();
            refresh();
        }
    }

    /** Forgets a finished upload, when the batch changes; a running one is cancelled. */
    public void forget() {
        preparing.cancel();
        if (queue != null) {
            queue.cancel();
            queue = null;
        }
        refresh.stop();
        rows.clear();
        state.set(null);
        progress.set(0);
        overall.set("");
        rate.set("");
        outcome.set("");
        failure.set("");
        last.set(null);
    }

    private void refresh() {
        if (queue == null) {
            return;
        }
        UploadSnapshot snapshot = queue.snapshot();
        last.set(snapshot);
        state.set(snapshot.state());
        progress.set(snapshot.fraction());
        long settled = snapshot.files().stream().filter(file -> file.state().isAccepted()).count();
        overall.set(Messages.format("batch.upload.overall", Sizes.describe(snapshot.sentBytes()),
                Sizes.describe(snapshot.totalBytes()), settled, snapshot.files().size()));
        rate.set(snapshot.bytesPerSecond() <= 0 ? "" : Messages.format("batch.upload.rate",
                Sizes.describe((long) snapshot.bytesPerSecond()),
                snapshot.timeLeft() == null ? "…" : Durations.describe(snapshot.timeLeft())));
        for (int i = 0; i < rows.size(); i++) {
            FileProgress file = snapshot.files().get(i);
            rows.get(i).show(file.fraction(), describe(file));
        }
        if (snapshot.state() == UploadState.FINISHED || snapshot.state() == UploadState.CANCELLED) {
            refresh.stop();
            outcome.set(outcomeOf(snapshot));
        }
    }

    private static String outcomeOf(UploadSnapshot snapshot) {
        if (snapshot.state() == UploadState.CANCELLED) {
            return Messages.text("batch.upload.cancelled");
        }
        long failed = snapshot.files().size() - snapshot.files().stream().filter(f -> f.state().isAccepted()).count();
        return failed == 0 ? Messages.format("batch.upload.done", snapshot.files().size())
                : Messages.format("batch.upload.failed", failed, snapshot.files().size());
    }

    static String describe(FileProgress file) {
        String key = "batch.upload.file." + file.state().name().toLowerCase(Locale.ROOT);
        return switch (file.state()) {
            case RETRYING -> Messages.format(key, file.retryAt() == null ? 0
                    : Math.max(0, Duration.between(Instant.now(), file.retryAt()).toSeconds()), file.attempts(),
                    file.problem());
            case FAILED -> Messages.format(key, file.problem());
            default -> Messages.text(key);
        };
    }

    // ---- what the screen binds to ----

    public ObservableList<FileRow> rows() {
        return rows;
    }

    /** Where the upload is; null when there is none. */
    public ReadOnlyObjectProperty<UploadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Bytes and files sent of the whole. */
    public ReadOnlyStringProperty overallProperty() {
        return overall.getReadOnlyProperty();
    }

    /** Throughput and time left, while they are known. */
    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    /** What the finished upload came to. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The latest progress read, for tests and for screens that follow the upload. */
    public ReadOnlyObjectProperty<UploadSnapshot> snapshotProperty() {
        return last.getReadOnlyProperty();
    }
}
