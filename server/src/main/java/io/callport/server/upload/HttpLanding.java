package io.callport.server.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.server.landing.ByteSizes;
import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.DiskFullException;
import io.callport.server.landing.FileNames;
import io.callport.server.landing.FileTooLargeException;
import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.callport.server.landing.SizeLimit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the HTTP upload routes share: where an upload lands, how its body is streamed in, and the metadata
 * sidecar. Each HTTP upload gets its own folder, {@code uploads/<uploadId>/}, so two uploads of the same file
 * name never replace each other.
 */
final class HttpLanding {
    static final String UPLOADS_FOLDER = "uploads";
    /** Metadata is a JSON object of mapped fields, never large. */
    static final int MAX_METADATA_BYTES = 1024 * 1024;
    /** Room for form fields and part headers around the file in a multipart body. */
    static final long FORM_OVERHEAD_BYTES = 2L * 1024 * 1024;
    /**
     * After refusing a body mid-way, read on this far so the client, still sending, can see the refusal; a client
     * further from the end sees the connection close instead.
     */
    private static final long MAX_DRAIN_BYTES = 32L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LandingArea landing;
    private final LandingListener listener;

    HttpLanding(LandingArea landing, LandingListener listener) {
        this.landing = landing;
        this.listener = listener;
    }

    /** Starts receiving a file; its size limit follows from its name. */
    IncomingFile begin(String fileName) throws IOException {
        return landing.begin(fileName);
    }

    SizeLimit limitFor(String fileName) {
        return landing.limitFor(fileName);
    }

    /** The largest file of any kind. */
    long largestFile() {
        return landing.limits().largest();
    }

    /** The client's file name, checked. */
    static String uploadName(String sent) {
        try {
            return FileNames.requireUploadName(sent);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    /**
     * The request body as a multipart form, read as it streams in. A body whose declared length is beyond any file
     * we would keep is refused before any of it is read.
     */
    MultipartReader form(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > largestFile() + FORM_OVERHEAD_BYTES) {
            throw new ContentTooLargeResponse("The request is larger than the largest file Callport accepts ("
                    + ByteSizes.format(largestFile()) + ").");
        }
        return new MultipartReader(ctx.bodyInputStream(), ctx.contentType());
    }

    /**
     * Streams a form's file part into the file; past the file's limit the file is discarded and the request
     * refused with 413. A full disk is a {@link DiskFullException} (507), seen by the client still sending.
     */
    void receive(MultipartReader form, MultipartReader.Part part, IncomingFile file) throws IOException {
        try {
            file.appendFrom(part.body(), Long.MAX_VALUE);
        } catch (FileTooLargeException e) {
            drain(form.request());
            throw new ContentTooLargeResponse(e.getMessage());
        } catch (DiskFullException e) {
            drain(form.request());
            throw e;
        }
    }

    /** Checks that metadata text is a JSON object. */
    static String requireMetadataObject(String metadata) {
        try {
            JsonNode node = JSON.readTree(metadata);
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("The metadata must be a JSON object of field names and values.");
            }
            return metadata;
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("The metadata is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Where an HTTP upload's file lands: {@code uploads/<uploadId>/<fileName>} in its campaign folder. */
    static CampaignPath destination(UploadTarget target, String uploadId, String fileName) {
        return new CampaignPath(target.folder(), UPLOADS_FOLDER + "/" + uploadId + "/" + fileName);
    }

    /**
     * Lands the file, and first its metadata as a JSON sidecar named like the recording
     * ({@code call-0001.wav} gets {@code call-0001.json}), so the recording's event finds its metadata present.
     */
    LandedFile land(IncomingFile file, UploadTarget target, CampaignPath destination, Optional<String> metadata)
            throws IOException {
        if (metadata.isPresent()) {
            String sidecarName = FileNames.withoutExtension(destination.fileName()) + ".json";
            CampaignPath sidecar = destination.withFileName(sidecarName);
            if (sidecar.equals(destination)) {
                throw new BadRequestResponse("A JSON file cannot carry metadata of its own; send the metadata as"
                        + " the file.");
            }
            landing.landBytes(metadata.get().getBytes(StandardCharsets.UTF_8), sidecar, target.source(), listener);
        }
        return file.complete(destination, target.source(), listener);
    }

    static void drain(InputStream request) {
        byte[] sink = new byte[64 * 1024];
        long drained = 0;
        try {
            int read;
            while (drained < MAX_DRAIN_BYTES && (read = request.read(sink)) >= 0) {
                drained += read;
            }
        } catch (IOException clientGone) {
            // the client stopped sending; the refusal is all that is left to do
        }
    }
}
