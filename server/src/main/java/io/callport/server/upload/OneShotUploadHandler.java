package io.callport.server.upload;

import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandedFile;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /api/v1/calls/upload}: multipart form with {@code file} (a recording), {@code campaignId} and an
 * optional {@code metadata} JSON object. The file streams to the landing area; answers 201 with
 * {@link UploadResult}. Put {@code campaignId} before {@code file} so a refused campaign is refused before the file
 * is sent; after it works too.
 */
public final class OneShotUploadHandler implements Handler {
    private static final int MAX_ID_BYTES = 200;

    private final UploadTargets targets;
    private final HttpLanding landing;

    OneShotUploadHandler(UploadTargets targets, HttpLanding landing) {
        this.targets = targets;
        this.landing = landing;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        MultipartReader form = landing.form(ctx);
        UploadTarget target = null;
        Optional<String> metadata = Optional.empty();
        IncomingFile file = null;
        try {
            for (var next = form.next(); next.isPresent(); next = form.next()) {
                MultipartReader.Part part = next.get();
                switch (part.name()) {
                    case "campaignId" -> target = targets.resolve(ctx, part.text(MAX_ID_BYTES).strip());
                    case "metadata" -> metadata = Optional.of(
                            HttpLanding.requireMetadataObject(part.text(HttpLanding.MAX_METADATA_BYTES)));
                    case "file" -> {
                        if (file != null) {
                            throw new BadRequestResponse("Send one file per upload.");
                        }
                        file = landing.begin(HttpLanding.uploadName(part.fileName()
                                .orElseThrow(() -> new BadRequestResponse("The file part has no file name."))));
                        landing.receive(form, part, file);
                    }
                    default -> { } // other fields are skipped by next()
                }
            }
            if (file == null) {
                throw new BadRequestResponse("The form has no file part.");
            }
            if (target == null) {
                throw new BadRequestResponse("The form has no campaignId.");
            }
            LandedFile landed = landing.land(file, target,
                    HttpLanding.destination(target, file.uploadId(), file.fileName()), metadata);
            ctx.status(HttpStatus.CREATED).json(UploadResult.of(landed, target.campaignId()));
        } finally {
            if (file != null && file.isOpen()) {
                file.discard();
            }
        }
    }
}
