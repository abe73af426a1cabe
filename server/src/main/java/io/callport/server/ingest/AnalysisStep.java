package io.callport.server.ingest;

import io.callport.server.store.Call;
import io.callport.server.store.CallStatus;
import java.io.IOException;
import java.io.InputStream;

/**
 * Analysis plugged in after a call's recording is stored, such as transcription and quality checks. None is
 * needed: without one, a stored call is Completed at once. With one, the call goes through
 * {@link CallStatus#TRANSCRIBING} and {@link CallStatus#ANALYZING} (as the step reports) before Completed; a step
 * that throws leaves the call Failed with its message, and the call can be reprocessed.
 */
public interface AnalysisStep {

    /** Tells the pipeline how far the analysis of the call has come. */
    @FunctionalInterface
    interface Progress {
        /** @param status {@link CallStatus#TRANSCRIBING} or {@link CallStatus#ANALYZING} */
        void reached(CallStatus status);
    }

    /** Opens the call's stored recording. */
    @FunctionalInterface
    interface Recording {
        InputStream open() throws IOException;
    }

    void analyze(Call call, Recording recording, Progress progress) throws Exception;
}
