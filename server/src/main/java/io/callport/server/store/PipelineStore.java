package io.callport.server.store;

import java.time.Clock;
import java.time.Duration;

/** The ingestion pipeline's repositories over one database, beside the server's {@link Store}. */
public record PipelineStore(BatchRepository batches, IngestFileRepository files, CallRepository calls,
                            CsvRowRepository rows, CrmObjectRepository crmObjects, WebhookRepository webhooks,
                            WorkQueue work) {

    /**
     * @param worker  names this server process in the work it claims
     * @param secrets encrypts the webhooks' secrets
     */
    public static PipelineStore on(Database database, Clock clock, String worker, CredentialCipher secrets) {
        Clock millis = Clock.tick(clock, Duration.ofMillis(1));
        return new PipelineStore(new BatchRepository(database, millis), new IngestFileRepository(database, millis),
                new CallRepository(database, millis), new CsvRowRepository(database, millis),
                new CrmObjectRepository(database, millis), new WebhookRepository(database, millis, secrets),
                new WorkQueue(database, millis, worker));
    }
}
