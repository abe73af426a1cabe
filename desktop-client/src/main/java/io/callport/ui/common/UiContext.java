package io.callport.ui.common;

import io.callport.service.BatchService;
import io.callport.service.KeyService;
import io.callport.service.MappingStore;
import io.callport.service.ReportCsv;
import io.callport.service.SampleService;
import java.time.Clock;

/**
 * What every screen's controller is given: where to run slow work, the file dialogs, the shared workspace, and
 * the services that do the work.
 */
public record UiContext(Background background, FileDialogs dialogs, Workspace workspace, SampleService samples,
                        MappingStore mappings, BatchService batches, ReportCsv reportCsv, KeyService keys) {

    /** The Uploader's context on the real clock, asking the person through the given dialogs. */
    public static UiContext create(FileDialogs dialogs) {
        Clock clock = Clock.systemUTC();
        return new UiContext(new Background(), dialogs, new Workspace(), new SampleService(clock), new MappingStore(),
                new BatchService(clock), new ReportCsv(), new KeyService());
    }
}
