package io.callport.server.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.SizeLimit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/uploads/presign} {@code {"campaignId","filename","size","metadata"}}: answers
 * {@code {"url","fields":{"key","policy","signature","expires"}}}, a form that uploads that one file to
 * {@link PresignedUploadHandler} without an API key until it expires. Refused with 403 when the estimated minutes
 * would exceed the organisation's monthly allocation.
 */
public final class PresignHandler implements Handler {
    static final String MINUTES_EXCEEDED = "MINUTES_ALLOCATION_EXCEEDED";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadTargets targets;
    private final HttpLanding landing;
    private final UploadPolicySigner signer;
    private final UsageQuota quota;
    private final Duration validity;

    PresignHandler(UploadTargets targets, HttpLanding landing, UploadPolicySigner signer, UsageQuota quota,
                   Duration validity) {
        this.targets = targets;
        this.landing = landing;
        this.signer = signer;
        this.quota = quota;
        this.validity = validity;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        JsonNode request = requestObject(ctx.body());
        UploadTarget target = targets.resolve(ctx, text(request, "campaignId"));
        String fileName = HttpLanding.uploadName(text(request, "filename"));
        long size = request.path("size").asLong(-1);
        if (!request.path("size").canConvertToLong() || size <= 0) {
            throw new BadRequestResponse("Give the file's size in bytes as \"size\".");
        }
        SizeLimit limit = landing.limitFor(fileName);
        if (size > limit.bytes()) {
            throw new ContentTooLargeResponse(fileName + " is larger than " + limit.description() + ".");
        }
        JsonNode metadata = request.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new BadRequestResponse("The metadata must be a JSON object of field names and values.");
        }
        checkMinutes(target, MinutesEstimate.minutes(size, metadata));

        Instant expiresAt = signer.now().plus(validity);
        UploadPolicy policy = new UploadPolicy(
                HttpLanding.UPLOADS_FOLDER + "/" + UUID.randomUUID() + "/" + fileName, target.campaignId(),
                target.organisationId(), target.folder().orgFolder(), target.folder().campaignFolder(),
                target.source(), fileName, 1, size, expiresAt.getEpochSecond(),
                metadata == null || metadata.isNull() ? null : JSON.writeValueAsString(metadata));
        String encoded = signer.encode(policy);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", policy.key());
        fields.put("policy", encoded);
        fields.put("signature", signer.sign(encoded));
        fields.put("expires", Instant.ofEpochSecond(policy.expiresAt()).toString());
        ctx.json(Map.of("url", ctx.scheme() + "://" + ctx.host() + UploadRoutes.PRESIGNED_PATH, "fields", fields));
    }

    private void checkMinutes(UploadTarget target, double estimatedMinutes) {
        quota.thisMonth(target.organisationId()).ifPresent(month -> {
            if (estimatedMinutes > month.remainingMinutes()) {
                throw new HttpResponseException(HttpStatus.FORBIDDEN, String.format(Locale.ROOT,
                        "This upload adds about %.1f minutes of audio, but the organisation has %.1f of its %d"
                                + " minutes for this month left.",
                        estimatedMinutes, month.remainingMinutes(), month.allocatedMinutes()),
                        Map.of("reason", MINUTES_EXCEEDED));
            }
        });
    }

    private static JsonNode requestObject(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("Send a JSON object with campaignId, filename and size.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The request is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestResponse("The request has no \"" + field + "\".");
        }
        return value.asText();
    }
}
