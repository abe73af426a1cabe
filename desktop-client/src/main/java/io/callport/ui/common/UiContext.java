package io.callport.ui.common;

import io.callport.service.BatchService;
import io.callport.service.CampaignMappings;
import io.callport.service.KeyService;
import io.callport.service.MappingStore;
import io.callport.service.ProfileSetup;
import io.callport.service.Profiles;
import io.callport.service.ReportCsv;
import io.callport.service.SampleService;
import io.callport.service.upload.RetryPolicy;
import io.callport.service.upload.UploadService;
import io.callport.service.upload.UploadTuning;
import java.time.Clock;

/**
 * What every screen's controller is given: where to run slow work, the file dialogs, the shared workspace, and
 * the services that do the work.
 */
public record UiContext(Background background, FileDialogs dialogs, Workspace workspace, SampleService samples,
                        MappingStore mappings, BatchService batches, ReportCsv reportCsv, KeyService keys,
                        Profiles profiles, ProfileSetup profileSetup, CampaignMappings campaignMappings,
                        UploadService uploads) {

    /** The Uploader's context on the real clock, asking the person through the given dialogs. */
    public static UiContext create(FileDialogs dialogs, Profiles profiles) {
        return create(dialogs, profiles, UploadTuning.DEFAULT);
    }

    /** The same, sending files with the given tuning. */
    public static UiContext create(FileDialogs dialogs, Profiles profiles, UploadTuning tuning) {
        Clock clock = Clock.systemUTC();
        MappingStore mappings = new MappingStore();
        KeyService keys = new KeyService();
        return new UiContext(new Background(), dialogs, new Workspace(), new SampleService(clock), mappings,
                new BatchService(clock), new ReportCsv(), keys, profiles, new ProfileSetup(profiles, keys),
                new CampaignMappings(mappings, profiles.folder().resolve("mappings")),
                new UploadService(profiles.folder(), tuning, RetryPolicy.DEFAULT, clock));
    }
}
