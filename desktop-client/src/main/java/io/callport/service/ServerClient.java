package io.callport.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callport.api.Connector;
import io.callport.api.ConnectorFile;
import io.callport.api.ConnectorRequest;
import io.callport.api.ConnectorRun;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.service.api.BatchInfo;
import io.callport.service.api.CallDetail;
import io.callport.service.api.CallInfo;
import io.callport.service.api.Campaign;
import io.callport.service.api.FileInfo;
import io.callport.service.api.Listing;
import io.callport.service.api.MappingVersion;
import io.callport.service.api.PipelineEvent;
import io.callport.service.api.SftpAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Callport server's HTTP API as the Uploader uses it, with one API key. Every call blocks, so callers run it
 * off the FX thread. An error answer is a {@link ServerException} carrying the server's sentence; a server that
 * cannot be reached is a plain {@link IOException}.
 */
public final class ServerClient {
    static final String TUS_VERSION = "1.0.0";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final MediaType CHUNK_TYPE = MediaType.get("application/offset+octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** One connection pool and dispatcher for every client in the process. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .build();

    private final HttpUrl base;
    private final String apiKey;
    private final OkHttpClient http;

    /**
     * @param url    the server's address as a person types it; {@code https://} is assumed without a scheme
     * @param apiKey a {@code cp_...} key
     * @throws IllegalArgumentException when the address is not one, with a sentence saying why
     */
    public ServerClient(String url, String apiKey) {
        this(url, apiKey, SHARED);
    }

    ServerClient(String url, String apiKey, OkHttpClient http) {
        this(parseUrl(url), apiKey == null ? "" : apiKey.strip(), http);
    }

    private ServerClient(HttpUrl base, String apiKey, OkHttpClient http) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = http;
    }

    /**
     * A client for the same server and key whose calls can be broken off together with {@link #cancelCalls()},
     * for an upload that may be cancelled; it shares the connections of every other client. A call whose connection
     * is lost fails instead of being sent again at once: a transfer goes on from what the server says it holds.
     */
    public ServerClient forTransfers() {
        return new ServerClient(base, apiKey, http.newBuilder().dispatcher(new Dispatcher())
                .retryOnConnectionFailure(false).build());
    }

    /** Breaks off every call of a client made by {@link #forTransfers()} that is running now. */
    public void cancelCalls() {
        if (http == SHARED) {
            throw new IllegalStateException("Only a client made by forTransfers() cancels its calls.");
        }
        http.dispatcher().cancelAll();
    }

    /** The address in the form it is saved: scheme, host, port and path, without a trailing slash. */
    public static String normalizeUrl(String url) {
        String text = parseUrl(url).toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static HttpUrl parseUrl(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Enter the server's address, such as https://callport.example.com.");
        }
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        HttpUrl parsed = HttpUrl.parse(text);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + url.strip() + "' is not a web address; enter one such as "
                    + "https://callport.example.com.");
        }
        return parsed;
    }

    /** The campaigns the key can see; also how a key is tested. */
    public List<Campaign> campaigns() throws IOException {
        return read(get("api/v1/campaigns"), new TypeReference<List<Campaign>>() { });
    }

    /** Saves a mapping to a campaign as its next version. */
    public MappingVersion saveMapping(String campaignId, FieldMapping mapping) throws IOException {
        Request request = builder(path("api/v1/campaigns", campaignId, "mapping"))
                .put(RequestBody.create(MappingJson.write(mapping), JSON_TYPE)).build();
        return read(request, new TypeReference<MappingVersion>() { });
    }

    /** The campaign's current mapping, or empty when it has none yet. */
    public Optional<FieldMapping> mapping(String campaignId) throws IOException {
        JsonNode version;
        try {
            version = read(get(path("api/v1/campaigns", campaignId, "mapping")), new TypeReference<JsonNode>() { });
        } catch (ServerException e) {
            if (e.status() == 404 && "not_found".equals(e.code()) && campaignExists(campaignId)) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return Optional.of(MappingJson.parse(version.path("mapping").toString()));
        } catch (InvalidMappingException e) {
            throw new IOException("The server's mapping for this campaign cannot be read: " + e.getMessage(), e);
        }
    }

    private boolean campaignExists(String campaignId) throws IOException {
        return campaigns().stream().anyMatch(campaign -> campaign.id().equals(campaignId));
    }

    /**
     * Registers a public key for SFTP and returns the account it opens. A key registered before is found again, so
     * registering twice is harmless.
     *
     * @param campaignId the campaign whose folder the key opens, or null for every campaign the API key reaches
     */
    public SftpAccess registerSshKey(String publicKey, String campaignId) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("publicKey", publicKey.strip());
        if (campaignId != null) {
            body.put("campaignId", campaignId);
        }
        Request request = builder(base.resolve("api/v1/ssh-keys")).post(json(body)).build();
        try {
            return read(request, new TypeReference<SftpAccess>() { });
        } catch (ServerException e) {
            if (e.status() != 409) {
                throw e;
            }
            String fingerprint = KeyService.fingerprintOfPublicKey(publicKey);
            return sshKeys().stream().filter(key -> fingerprint.equals(key.fingerprint())).findFirst()
                    .orElseThrow(() -> e);
        }
    }

    /** The SSH keys registered that this API key may see. */
    public List<SftpAccess> sshKeys() throws IOException {
        return read(get("api/v1/ssh-keys"), new TypeReference<List<SftpAccess>>() { });
    }

    // ---- what the pipeline did ----

    /**
     * A page of a campaign's batches, newest first.
     *
     * @param status only batches in this status, or null for all
     */
    public Listing<BatchInfo> batches(String campaignId, String status, int offset, int limit) throws IOException {
        HttpUrl url = page(base.resolve("api/v1/batches").newBuilder(), offset, limit)
                .addQueryParameter("campaignId", campaignId).build();
        return read(get(withOptional(url, "status", status)), new TypeReference<Listing<BatchInfo>>() { });
    }

    /** A page of the files of a batch, in the order they arrived. */
    public Listing<FileInfo> batchFiles(String batchId, int offset, int limit) throws IOException {
        HttpUrl url = page(path("api/v1/batches", batchId, "files").newBuilder(), offset, limit).build();
        return read(get(url), new TypeReference<Listing<FileInfo>>() { });
    }

    /**
     * A page of a campaign's calls.
     *
     * @param status only calls in this status, or null
     * @param source only calls that came this way (SFTP, API, BULK, UI), or null
     */
    public Listing<CallInfo> calls(String campaignId, String status, String source, int offset, int limit)
            throws IOException {
        HttpUrl url = page(base.resolve("api/v1/calls").newBuilder(), offset, limit)
                .addQueryParameter("campaignId", campaignId).build();
        return read(get(withOptional(withOptional(url, "status", status), "source", source)),
                new TypeReference<Listing<CallInfo>>() { });
    }

    public CallDetail call(String callId) throws IOException {
        return read(get(path("api/v1/calls", callId)), new TypeReference<CallDetail>() { });
    }

    /** Has the call processed again from its recording and metadata; the answer is the call as it is now. */
    public CallInfo reprocess(String callId) throws IOException {
        Request request = builder(path("api/v1/calls", callId, "reprocess")).post(RequestBody.create(new byte[0]))
                .build();
        return read(request, new TypeReference<CallInfo>() { });
    }

    /**
     * Follows the status changes of a campaign's batches, files and calls as the server announces them (server-sent
     * events). The callbacks run on the stream's own thread: {@code onOpen} once the server has accepted the stream,
     * {@code onEvent} for each event in order, and {@code onEnd} when the stream ends, with why (null when it was
     * closed here).
     */
    public EventStream events(String campaignId, Runnable onOpen, Consumer<PipelineEvent> onEvent,
                              Consumer<IOException> onEnd) {
        Request request = builder(base.resolve("api/v1/events").newBuilder().addQueryParameter("campaignId",
                campaignId).build()).header("Accept", "text/event-stream").get().build();
        OkHttpClient streaming = http.newBuilder().readTimeout(EventStream.SILENCE_LIMIT).build();
        return EventStream.open(streaming.newCall(request), JSON, onOpen, onEvent, onEnd);
    }

    // ---- pull connectors ----

    /** The campaign's pull connectors, oldest first. */
    public List<Connector> connectors(String campaignId) throws IOException {
        return read(get(path("api/v1/campaigns", campaignId, "connectors")), new TypeReference<List<Connector>>() { });
    }

    /** Adds a pull connector to the campaign; the server runs it at once, then on its schedule. */
    public Connector createConnector(String campaignId, ConnectorRequest connector) throws IOException {
        Request request = builder(path("api/v1/campaigns", campaignId, "connectors"))
                .post(json(connector)).build();
        return read(request, new TypeReference<Connector>() { });
    }

    /** Changes the settings given (a null one keeps its value); the changed connector runs at once. */
    public Connector updateConnector(String connectorId, ConnectorRequest changes) throws IOException {
        Request request = builder(path("api/v1/connectors", connectorId)).patch(json(changes)).build();
        return read(request, new TypeReference<Connector>() { });
    }

    /** Removes the connector after a run in progress ends; the files it fetched stay with the campaign. */
    public void deleteConnector(String connectorId) throws IOException {
        try (Response response = http.newCall(builder(path("api/v1/connectors", connectorId)).delete().build())
                .execute()) {
            requireSuccess(response);
        }
    }

    /**
     * Runs the connector now and waits for the run to end.
     *
     * @param wait the longest to wait (at most 5 minutes); a run still going then has a null {@code run}
     */
    public ConnectorRun runConnector(String connectorId, Duration wait) throws IOException {
        HttpUrl url = path("api/v1/connectors", connectorId, "run").newBuilder()
                .addQueryParameter("wait", String.valueOf(wait.toSeconds())).build();
        // the answer comes when the run ends: read for the wait, and as long again as any other answer may take
        OkHttpClient waiting = http.newBuilder().readTimeout(wait.plusMillis(http.readTimeoutMillis())).build();
        Request request = builder(url).post(RequestBody.create(new byte[0])).build();
        try (Response response = waiting.newCall(request).execute()) {
            requireSuccess(response);
            return JSON.readValue(response.body().byteStream(), ConnectorRun.class);
        }
    }

    /** Pins the host key or certificate fingerprint a person checked with the customer; the next run proceeds. */
    public Connector confirmHostKey(String connectorId, String fingerprint) throws IOException {
        Request request = builder(path("api/v1/connectors", connectorId, "confirm-host-key"))
                .post(json(Map.of("fingerprint", fingerprint.strip()))).build();
        return read(request, new TypeReference<Connector>() { });
    }

    /**
     * A page of the files the connector has seen, most recently changed first.
     *
     * @param state only files in this state (DELIVERED, FAILED...), or null for all
     */
    public Listing<ConnectorFile> connectorFiles(String connectorId, String state, int offset, int limit)
            throws IOException {
        HttpUrl url = page(path("api/v1/connectors", connectorId, "files").newBuilder(), offset, limit).build();
        return read(get(withOptional(url, "state", state)), new TypeReference<Listing<ConnectorFile>>() { });
    }

    private static HttpUrl.Builder page(HttpUrl.Builder url, int offset, int limit) {
        return url.addQueryParameter("offset", String.valueOf(offset)).addQueryParameter("limit",
                String.valueOf(limit));
    }

    private static HttpUrl withOptional(HttpUrl url, String name, String value) {
        return value == null || value.isBlank() ? url : url.newBuilder().addQueryParameter(name, value).build();
    }

    // ---- tus 1.0 ----

    /**
     * Starts a resumable upload of {@code length} bytes.
     *
     * @return the upload's address, to PATCH and HEAD
     */
    public URI tusCreate(String campaignId, String fileName, long length) throws IOException {
        Request request = tus(base.resolve("api/v1/tus"))
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + base64(fileName) + ",campaignId " + base64(campaignId))
                .post(RequestBody.create(new byte[0])).build();
        try (Response response = http.newCall(request).execute()) {
            requireSuccess(response);
            String location = response.header("Location");
            if (location == null) {
                throw new IOException("The server started the upload of " + fileName + " without saying where it is.");
            }
            return base.uri().resolve(location);
        }
    }

    /** How many bytes of the upload the server holds (HEAD). */
    public long tusOffset(URI upload) throws IOException {
        try (Response response = http.newCall(tus(HttpUrl.get(upload)).head().build()).execute()) {
            requireSuccess(response);
            return offsetOf(response);
        }
    }

    /**
     * Appends a chunk at {@code offset}.
     *
     * @param sha256 the chunk's SHA-256; the server drops a chunk that does not match it
     * @return the server's offset after the chunk
     */
    public long tusPatch(URI upload, long offset, RequestBody chunk, byte[] sha256) throws IOException {
        Request request = tus(HttpUrl.get(upload))
                .header("Upload-Offset", String.valueOf(offset))
                .header("Upload-Checksum", "sha256 " + Base64.getEncoder().encodeToString(sha256))
                .patch(chunk).build();
        try (Response response = http.newCall(request).execute()) {
            requireSuccess(response);
            return offsetOf(response);
        }
    }

    /** The content type of tus chunks, for the request bodies given to {@link #tusPatch}. */
    public static MediaType chunkType() {
        return CHUNK_TYPE;
    }

    private Request.Builder tus(HttpUrl url) {
        return builder(url).header("Tus-Resumable", TUS_VERSION);
    }

    private static long offsetOf(Response response) throws IOException {
        String offset = response.header("Upload-Offset");
        try {
            return Long.parseLong(offset == null ? "" : offset.strip());
        } catch (NumberFormatException e) {
            throw new IOException("The server's answer has no upload offset (Upload-Offset: " + offset + ").");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- plumbing ----

    private static RequestBody json(Object body) throws IOException {
        return RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
    }

    private HttpUrl path(String first, String... segments) {
        HttpUrl.Builder url = base.resolve(first).newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    private Request get(String relative) {
        return get(base.resolve(relative));
    }

    private Request get(HttpUrl url) {
        return builder(url).get().build();
    }

    private Request.Builder builder(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private <T> T read(Request request, TypeReference<T> type) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            requireSuccess(response);
            return JSON.readValue(response.body().byteStream(), type);
        }
    }

    static void requireSuccess(Response response) throws IOException {
        if (response.isSuccessful()) {
            return;
        }
        String body = response.body().string();
        String code = "http_" + response.code();
        String message = null;
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                code = error.path("error").asText(code);
                message = error.get("message").asText();
            }
        } catch (IOException notJson) {
            // an answer from something in between (a proxy), not from Callport: described below
        }
        if (message == null) {
            message = describeStatus(response.code(), body);
        }
        throw new ServerException(response.code(), code, message, retryAfter(response.header("Retry-After")));
    }

    private static String describeStatus(int status, String body) {
        String text = body.strip().lines().limit(3).collect(Collectors.joining(" ")).replaceAll("<[^>]*>", "")
                .strip();
        return "The server answered " + status + (text.isEmpty() ? "." : ": " + shorten(text));
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.strip().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException dateForm) {
            return null;
        }
    }
}
