package io.callport.service.upload;

import java.time.Duration;
import java.util.List;

/**
 * An upload at a moment, for progress bars and the terminal.
 *
 * @param totalBytes     the bytes this upload sends (files sent before are not counted)
 * @param sentBytes      of those, what the server has or is receiving
 * @param bytesPerSecond the recent throughput, 0 until it is known
 * @param timeLeft       at that throughput, or null when it is not known
 */
public record UploadSnapshot(UploadState state, List<FileProgress> files, long totalBytes, long sentBytes,
                             double bytesPerSecond, Duration timeLeft) {

    public UploadSnapshot {
        files = List.copyOf(files);
    }

    public long count(FileState fileState) {
        return files.stream().filter(file -> file.state() == fileState).count();
    }

    /** Whether the server has every file. */
    public boolean allAccepted() {
        return files.stream().allMatch(file -> file.state().isAccepted());
    }

    public double fraction() {
        return totalBytes == 0 ? (state == UploadState.FINISHED ? 1 : 0) : Math.min(1.0, (double) sentBytes / totalBytes);
    }
}
