package io.callport.server.pull;

import io.callport.server.landing.CampaignFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the pipeline: moves each pulled file to {@code <root>/<campaign folder>/<relative path>}. */
final class FolderSink implements PulledFileSink {
    private final Path root;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private volatile int failuresToCome;

    FolderSink(Path root) {
        this.root = root;
    }

    /** The next {@code count} hand-overs throw, as a pipeline that cannot take files would. */
    void failNext(int count) {
        failuresToCome = count;
    }

    /** {@code <campaign folder>/<relative path>} of each file taken, in order. */
    List<String> delivered() {
        return delivered;
    }

    Path file(String delivered) {
        return root.resolve(delivered);
    }

    @Override
    public synchronized void pulled(CampaignFolder campaign, String relativePath, Path file) throws IOException {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IOException("pipeline unavailable");
        }
        Path target = root.resolve(campaign.campaignFolder()).resolve(relativePath);
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        delivered.add(campaign.campaignFolder() + "/" + relativePath);
    }
}
