package io.callport.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callport.server.store.BatchStatus;
import io.callport.server.store.CallStatus;
import io.callport.server.store.Webhook;
import io.callport.server.store.WebhookDelivery;
import io.callport.server.store.WorkKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Queues a webhook delivery for each batch that finished (Completed, Incomplete, Failed) and each call that
 * completed or failed, in the transaction that made the change: a change that commits is told, one that rolls back
 * is not. The event type is the subject and its status, e.g. {@code batch.incomplete}, {@code call.failed}.
 */
final class WebhookNotices {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Set<String> BATCH_ENDS = Set.of(BatchStatus.COMPLETED.name(), BatchStatus.INCOMPLETE.name(),
            BatchStatus.FAILED.name());
    private static final Set<String> CALL_ENDS = Set.of(CallStatus.COMPLETED.name(), CallStatus.FAILED.name());

    private WebhookNotices() {
    }

    /** What a webhook receives: the event type and the change. */
    record Notice(String type, PipelineEvent event) {
    }

    static void record(PipelineContext context, Connection connection, Changes changes) throws SQLException {
        Map<String, List<Webhook>> webhooks = new HashMap<>();
        for (PipelineEvent event : changes.events()) {
            if (!tellsWebhooks(event)) {
                continue;
            }
            List<Webhook> told = webhooks.computeIfAbsent(event.orgId() + "/" + event.campaignId(), key -> null);
            if (told == null) {
                told = context.pipeline().webhooks().forCampaign(connection, event.orgId(), event.campaignId());
                webhooks.put(event.orgId() + "/" + event.campaignId(), told);
            }
            String type = event.type() + "." + event.status().toLowerCase(Locale.ROOT);
            for (Webhook webhook : told) {
                WebhookDelivery delivery = context.pipeline().webhooks().addDelivery(connection, webhook.id(), type,
                        payload(new Notice(type, event)));
                context.enqueueNow(connection, changes, WorkKind.DELIVER_WEBHOOK, delivery.id());
            }
        }
    }

    private static boolean tellsWebhooks(PipelineEvent event) {
        return event.type().equals(PipelineEvent.BATCH) && BATCH_ENDS.contains(event.status())
                || event.type().equals(PipelineEvent.CALL) && CALL_ENDS.contains(event.status());
    }

    private static String payload(Notice notice) {
        try {
            return JSON.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice always serialises", e);
        }
    }
}
