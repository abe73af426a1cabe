package io.callport.service;

import io.callport.validate.Batch;
import io.callport.validate.BatchFileKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The files of a batch gathered from what the person dropped or chose, with how many there are of each kind.
 *
 * @param batch         the files
 * @param counts        files by kind; every kind is present, zero when there are none
 * @param totalBytes    the size of all files together
 * @param metadataBytes the size of the metadata files, which validation reports its progress on
 */
public record CollectedBatch(Batch batch, Map<BatchFileKind, Integer> counts, long totalBytes, long metadataBytes) {

    public CollectedBatch {
        EnumMap<BatchFileKind, Integer> all = new EnumMap<>(BatchFileKind.class);
        for (BatchFileKind kind : BatchFileKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0));
        }
        counts = Map.copyOf(all);
    }

    public int count(BatchFileKind kind) {
        return counts.get(kind);
    }

    public boolean isEmpty() {
        return batch.files().isEmpty();
    }
}
