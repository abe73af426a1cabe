package io.callport.server.upload;

import io.callport.server.landing.SizeLimit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.LockedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.PreconditionFailedResponse;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tus 1.0.0 resumable uploads (core, creation, creation-with-upload, checksum with sha256, termination,
 * expiration) under {@code /api/v1/tus}. Every request but OPTIONS resolves the upload's campaign through
 * {@link UploadTargets}, so a key can only touch uploads to campaigns it may upload to.
 */
final class TusHandler {
    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,creation-with-upload,checksum,termination,expiration";
    static final String CHUNK_TYPE = "application/offset+octet-stream";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final UploadTargets targets;
    private final TusUploads uploads;
    /** Uploads receiving a chunk right now; a second request for one of them gets 423 Locked. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    TusHandler(UploadTargets targets, TusUploads uploads) {
        this.targets = targets;
        this.uploads = uploads;
    }

    void options(Context ctx) {
        ctx.header("Tus-Resumable", VERSION)
                .header("Tus-Version", VERSION)
                .header("Tus-Extension", EXTENSIONS)
                .header("Tus-Max-Size", String.valueOf(uploads.largestFile()))
                .header("Tus-Checksum-Algorithm", TusChecksum.ALGORITHM)
                .status(HttpStatus.NO_CONTENT);
    }

    void create(Context ctx) throws IOException {
        requireTusResumable(ctx);
        if (ctx.header("Upload-Defer-Length") != null) {
            throw new BadRequestResponse("Upload-Defer-Length is not supported; send Upload-Length.");
        }
        long length = nonNegative(ctx.header("Upload-Length"), "Upload-Length");
        TusMetadata metadata = TusMetadata.parse(ctx.header("Upload-Metadata"));
        String fileName = HttpLanding.uploadName(metadata.require("filename"));
        UploadTarget target = targets.resolve(ctx, metadata.require("campaignId"));
        SizeLimit limit = uploads.limitFor(fileName);
        if (length > limit.bytes()) {
            throw new ContentTooLargeResponse(fileName + " is larger than " + limit.description() + ".");
        }
        String sidecar = metadata.get("metadata").map(HttpLanding::requireMetadataObject).orElse(null);
        boolean withUpload = CHUNK_TYPE.equalsIgnoreCase(ctx.contentType());
        if (withUpload) {
            refuseChunkPastLength(ctx, 0, length);
        }

        TusUpload upload = uploads.create(target, fileName, length, ctx.header("Upload-Metadata"), sidecar);
        ctx.header("Location", UploadRoutes.TUS_PATH + "/" + upload.id());
        if (withUpload || length == 0) {
            upload = appendLocked(upload, ctx, TusChecksum.parse(ctx.header("Upload-Checksum")));
            ctx.header("Upload-Offset", String.valueOf(upload.offset()));
        }
        ctx.header("Upload-Expires", HTTP_DATE.format(Instant.ofEpochSecond(upload.expiresAt())))
                .status(HttpStatus.CREATED);
    }

    void head(Context ctx) throws IOException {
        TusUpload upload = existing(ctx);
        ctx.header("Upload-Offset", String.valueOf(upload.offset()))
                .header("Upload-Length", String.valueOf(upload.length()))
                .header("Upload-Expires", HTTP_DATE.format(Instant.ofEpochSecond(upload.expiresAt())))
                .header("Cache-Control", "no-store");
        if (upload.uploadMetadata() != null) {
            ctx.header("Upload-Metadata", upload.uploadMetadata());
        }
        ctx.status(HttpStatus.OK);
    }

    void patch(Context ctx) throws IOException {
        requireTusResumable(ctx);
        if (!CHUNK_TYPE.equalsIgnoreCase(ctx.contentType())) {
            throw new UnsupportedMediaTypeResponse("Send chunks as " + CHUNK_TYPE + ".");
        }
        long offset = nonNegative(ctx.header("Upload-Offset"), "Upload-Offset");
        Optional<TusChecksum> checksum = TusChecksum.parse(ctx.header("Upload-Checksum"));
        TusUpload upload = existing(ctx);
        if (offset != upload.offset()) {
            throw new ConflictResponse("Upload-Offset " + offset
                    + " does not match the " + upload.offset() + " bytes received; ask with HEAD and resume there.");
        }
        refuseChunkPastLength(ctx, offset, upload.length());
        upload = appendLocked(upload, ctx, checksum);
        ctx.header("Upload-Offset", String.valueOf(upload.offset()))
                .header("Upload-Expires", HTTP_DATE.format(Instant.ofEpochSecond(upload.expiresAt())))
                .status(HttpStatus.NO_CONTENT);
    }

    void delete(Context ctx) throws IOException {
        TusUpload upload = existing(ctx);
        if (!busy.add(upload.id())) {
            throw new LockedResponse("This upload is receiving a chunk; try again when it is done.");
        }
        try {
            uploads.terminate(upload);
        } finally {
            busy.remove(upload.id());
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private TusUpload appendLocked(TusUpload upload, Context ctx, Optional<TusChecksum> checksum) throws IOException {
        if (upload.completed()) {
            return upload;
        }
        if (!busy.add(upload.id())) {
            throw new LockedResponse("This upload is receiving a chunk; try again when it is done.");
        }
        try {
            // The state may have moved while another request held the upload.
            TusUpload current = uploads.find(upload.id()).orElseThrow(NotFoundResponse::new);
            if (current.offset() != upload.offset()) {
                throw new ConflictResponse("The upload moved on to offset "
                        + current.offset() + "; ask with HEAD and resume there.");
            }
            return uploads.append(current, ctx.bodyInputStream(), checksum);
        } finally {
            busy.remove(upload.id());
        }
    }

    /** The upload named in the path, if the caller may upload to its campaign. */
    private TusUpload existing(Context ctx) throws IOException {
        requireTusResumable(ctx);
        TusUpload upload = uploads.find(ctx.pathParam("uploadId"))
                .orElseThrow(() -> new NotFoundResponse("There is no such upload; it may have been removed."));
        targets.resolve(ctx, upload.campaignId());
        if (!upload.completed() && upload.expired(uploads.now())) {
            throw new GoneResponse("This upload expired; start a new one.");
        }
        return upload;
    }

    private static void refuseChunkPastLength(Context ctx, long offset, long length) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > length - offset) {
            throw new ContentTooLargeResponse("The chunk of " + declared + " bytes runs past the upload's length of "
                    + length + " bytes.");
        }
    }

    private static void requireTusResumable(Context ctx) {
        ctx.header("Tus-Resumable", VERSION);
        if (!VERSION.equals(ctx.header("Tus-Resumable"))) {
            ctx.header("Tus-Version", VERSION);
            throw new PreconditionFailedResponse("Send Tus-Resumable: " + VERSION + ".");
        }
    }

    private static long nonNegative(String header, String name) {
        try {
            long value = Long.parseLong(header == null ? "" : header.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequestResponse(name + " must be a number of bytes, not \"" + header + "\".");
    }
}
