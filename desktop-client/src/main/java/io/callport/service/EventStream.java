package io.callport.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.service.api.PipelineEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A server-sent-events stream of the server's status changes, read on its own daemon thread. The server sends a
 * keep-alive comment every 15 seconds, so a stream silent for {@link #SILENCE_LIMIT} is taken as lost.
 */
public final class EventStream implements AutoCloseable {
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(45);

    private final Call call;
    private volatile boolean closed;

    private EventStream(Call call) {
        this.call = call;
    }

    static EventStream open(Call call, ObjectMapper json, Runnable onOpen, Consumer<PipelineEvent> onEvent,
                            Consumer<IOException> onEnd) {
        EventStream stream = new EventStream(call);
        Thread.ofPlatform().daemon().name("callport-events").start(() -> stream.read(json, onOpen, onEvent, onEnd));
        return stream;
    }

    private void read(ObjectMapper json, Runnable onOpen, Consumer<PipelineEvent> onEvent,
                      Consumer<IOException> onEnd) {
        IOException ending = null;
        try (Response response = call.execute()) {
            ServerClient.requireSuccess(response);
            onOpen.run();
            BufferedSource source = response.body().source();
            StringBuilder data = new StringBuilder();
            for (String line = source.readUtf8Line(); line != null && !closed; line = source.readUtf8Line()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        onEvent.accept(json.readValue(data.toString(), PipelineEvent.class));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
                // "event:" repeats the type the data names, "id:" is not needed, ":" lines keep the stream alive
            }
            if (!closed) {
                ending = new IOException("The server ended the event stream.");
            }
        } catch (IOException e) {
            ending = closed ? null : e;
        }
        onEnd.accept(ending);
    }

    @Override
    public void close() {
        closed = true;
        call.cancel();
    }
}
