package io.callport.validate;

import java.util.List;

/**
 * The files of one upload, grouped by what they are.
 *
 * @param metadataFiles   CSV/TSV files with one row per call
 * @param recordings      audio and video recordings
 * @param recordingsKnown whether the recordings of the batch are known; when a CSV is validated on its own, the
 *                        recording names it holds cannot be checked
 */
public record Batch(List<BatchFile> metadataFiles, List<BatchFile> recordings, boolean recordingsKnown) {
}
