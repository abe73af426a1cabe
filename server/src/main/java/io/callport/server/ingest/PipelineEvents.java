package io.callport.server.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status changes of this server process, told to whoever listens (the events stream, webhooks). Changes are
 * published after the transaction that made them commits, so a listener never hears of a change that was rolled
 * back.
 */
public final class PipelineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineEvents.class);

    /** One listener; closing it stops its events. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Listener(Predicate<PipelineEvent> filter, Consumer<PipelineEvent> sink) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Predicate<PipelineEvent> filter, Consumer<PipelineEvent> sink) {
        Listener listener = new Listener(filter, sink);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(List<PipelineEvent> events) {
        for (PipelineEvent event : events) {
            for (Listener listener : listeners) {
                if (listener.filter().test(event)) {
                    try {
                        listener.sink().accept(event);
                    } catch (RuntimeException e) {
                        LOG.atWarn().addKeyValue("error", e.getMessage()).log("an event listener failed");
                    }
                }
            }
        }
    }
}
