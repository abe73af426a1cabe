package io.callport.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.auth.Principal;
import io.callport.server.ingest.PipelineEvent;
import io.callport.server.ingest.PipelineEvents;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events}: a server-sent-events stream of the status changes of batches, files and calls of the
 * caller's organisation (only the key's campaign for a campaign key; one campaign with {@code ?campaignId=}).
 * Each event is named {@code batch}, {@code file} or {@code call} and carries the change as JSON. A client too
 * slow to take the events it is sent is disconnected rather than allowed to hold the pipeline back.
 */
public final class EventRoutes implements RouteGroup {
    public static final String PATH = "/api/v1/events";
    static final int MAX_QUEUED = 10_000;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final PipelineEvents events;
    private final CampaignLookup lookup;
    private final ObjectMapper json = JsonMappers.api();
    private final Set<SseClient> open = ConcurrentHashMap.newKeySet();

    public EventRoutes(PipelineEvents events, CampaignLookup lookup) {
        this.events = events;
        this.lookup = lookup;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::stream);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/events.json");
    }

    /** Checks the caller before the stream starts, so a refusal is an ordinary error answer. */
    private void stream(Context ctx) throws Exception {
        Principal principal = PipelineQuery.viewer(ctx);
        List<String> campaigns = PipelineQuery.campaigns(ctx, principal, lookup);
        if (!String.valueOf(ctx.header("Accept")).contains("text/event-stream")) {
            throw new ApiException(406, "not_acceptable", "This is a stream of server-sent events; ask for it with "
                    + "'Accept: text/event-stream'.");
        }
        new SseHandler(client -> follow(client, principal, campaigns)).handle(ctx);
    }

    private void follow(SseClient client, Principal principal, List<String> campaigns) {
        BlockingQueue<PipelineEvent> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
        PipelineEvents.Subscription subscription = events.subscribe(
                event -> event.orgId().equals(principal.orgId()) && principal.canSee(event.campaignId())
                        && (campaigns == null || campaigns.contains(event.campaignId())),
                event -> {
                    if (!queue.offer(event)) {
                        client.close();
                    }
                });
        open.add(client);
        client.onClose(() -> {
            subscription.close();
            open.remove(client);
        });
        client.keepAlive();
        client.sendComment("following status changes");
        Thread.ofVirtual().name("callport-events").start(() -> send(client, queue));
    }

    /** Ends every stream, so a stopping server does not wait for clients that never hang up. */
    @Override
    public void stopping() {
        open.forEach(SseClient::close);
    }

    private void send(SseClient client, BlockingQueue<PipelineEvent> queue) {
        try {
            while (!client.terminated()) {
                PipelineEvent event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    client.sendComment("keep-alive");
                } else {
                    client.sendEvent(event.type(), json.writeValueAsString(event), event.type() + ":" + event.id()
                            + ":" + event.status());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A pipeline event always serialises", e);
        } finally {
            client.close();
        }
    }
}
