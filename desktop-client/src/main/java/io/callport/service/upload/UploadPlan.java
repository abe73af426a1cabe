package io.callport.service.upload;

import io.callport.validate.Batch;
import io.callport.validate.BatchFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of an upload in the order they are sent: recordings and zips, then metadata files and sidecars. Files
 * that are neither are left out (the check lists them), and two files of the same name are refused, since the
 * server keeps one file per name.
 *
 * @param items   what is sent, recordings first
 * @param leftOut files that are not sent
 */
public record UploadPlan(List<UploadItem> items, List<Path> leftOut) {

    public UploadPlan {
        items = List.copyOf(items);
        leftOut = List.copyOf(leftOut);
    }

    /** Plans the files and the contents of folders (recursively, hidden files skipped). */
    public static UploadPlan of(Collection<Path> inputs) throws IOException {
        return of(Batch.collect(inputs, List.of()));
    }

    public static UploadPlan of(Batch batch) throws IOException {
        List<UploadItem> items = new ArrayList<>();
        List<Path> leftOut = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        for (BatchFile file : batch.files()) {
            UploadPhase phase = UploadPhase.of(file.kind());
            if (phase == null) {
                leftOut.add(file.path());
                continue;
            }
            UploadItem item = UploadItem.of(file.path(), phase);
            Path same = byName.putIfAbsent(item.name(), item.path());
            if (same != null) {
                throw new IOException("Two files are named " + item.name() + " (" + same + " and " + item.path()
                        + "); the server keeps one file per name, so rename one of them.");
            }
            items.add(item);
        }
        items.sort(Comparator.comparing(UploadItem::phase));
        return new UploadPlan(items, leftOut);
    }

    public long totalBytes() {
        return items.stream().mapToLong(UploadItem::size).sum();
    }
}
