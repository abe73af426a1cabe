package io.callport.server.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latencies by route template and status, plus JVM heap and uptime, written in the Prometheus
 * text exposition format (version 0.0.4). Route templates keep the label set small whatever paths clients send.
 */
public final class HttpMetrics {
    /** Histogram bucket bounds in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Latency> latencies = new ConcurrentHashMap<>();
    private final String version;

    private static final class Latency {
        final AtomicLong[] buckets = new AtomicLong[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Latency() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new AtomicLong();
            }
        }
    }

    public HttpMetrics(String version) {
        this.version = version;
    }

    public void record(String method, String route, int status, double seconds) {
        String routeLabels = "method=\"" + escape(method) + "\",route=\"" + escape(route) + "\"";
        requests.computeIfAbsent(routeLabels + ",status=\"" + status + "\"", k -> new LongAdder()).increment();
        Latency latency = latencies.computeIfAbsent(routeLabels, k -> new Latency());
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                latency.buckets[i].incrementAndGet();
            }
        }
        latency.count.increment();
        latency.sum.add(seconds);
    }

    public String exposition() {
        StringBuilder out = new StringBuilder();
        header(out, "callport_http_requests_total", "counter", "HTTP requests by method, route template and status.");
        new TreeMap<>(requests).forEach((labels, count) ->
                out.append("callport_http_requests_total{").append(labels).append("} ").append(count.sum()).append('\n'));

        header(out, "callport_http_request_duration_seconds", "histogram", "HTTP request latency by route template.");
        new TreeMap<>(latencies).forEach((labels, latency) -> {
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append("callport_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(number(BUCKETS[i])).append("\"} ").append(latency.buckets[i].get()).append('\n');
            }
            long count = latency.count.sum();
            out.append("callport_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(count).append('\n');
            out.append("callport_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(number(latency.sum.sum())).append('\n');
            out.append("callport_http_request_duration_seconds_count{").append(labels).append("} ").append(count)
                    .append('\n');
        });

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed());
        gauge(out, "jvm_memory_heap_committed_bytes", "Heap reserved from the operating system.", heap.getCommitted());
        gauge(out, "jvm_memory_heap_max_bytes", "Largest heap the JVM may use; -1 when unbounded.", heap.getMax());
        gauge(out, "process_uptime_seconds", "Seconds since the server process started.",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        header(out, "callport_build_info", "gauge", "The running version, as a label.");
        out.append("callport_build_info{version=\"").append(escape(version)).append("\"} 1\n");
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, "gauge", help);
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
