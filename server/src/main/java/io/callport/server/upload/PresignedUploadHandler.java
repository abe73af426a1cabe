package io.callport.server.upload;

import io.callport.server.landing.CampaignPath;
import io.callport.server.landing.IncomingFile;
import io.callport.server.landing.LandedFile;
import io.callport.server.landing.SizeLimit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /api/v1/uploads/presigned}: the form {@link PresignHandler} handed out, fields first and the
 * {@code file} part last (as with S3). No API key: the signature over the policy is the credential. Expiry and
 * size range are checked while the file streams in; answers 201 with {@link UploadResult}.
 */
public final class PresignedUploadHandler implements Handler {
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final HttpLanding landing;
    private final UploadPolicySigner signer;

    PresignedUploadHandler(HttpLanding landing, UploadPolicySigner signer) {
        this.landing = landing;
        this.signer = signer;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        MultipartReader form = landing.form(ctx);
        String key = null;
        String encodedPolicy = null;
        String signature = null;
        for (var next = form.next(); next.isPresent(); next = form.next()) {
            MultipartReader.Part part = next.get();
            switch (part.name()) {
                case "key" -> key = part.text(MAX_FIELD_BYTES);
                case "policy" -> encodedPolicy = part.text(MAX_FIELD_BYTES);
                case "signature" -> signature = part.text(MAX_FIELD_BYTES);
                case "file" -> {
                    if (encodedPolicy == null || signature == null) {
                        throw new BadRequestResponse("Send the policy and signature fields before the file.");
                    }
                    UploadPolicy policy = signer.verify(encodedPolicy, signature);
                    if (!policy.key().equals(key)) {
                        throw new BadRequestResponse("The key field does not match the signed policy.");
                    }
                    UploadResult result = receive(form, part, policy);
                    ctx.status(HttpStatus.CREATED).json(result);
                    return;
                }
                default -> { } // other fields (such as "expires") are skipped by next()
            }
        }
        throw new BadRequestResponse("The form has no file part.");
    }

    private UploadResult receive(MultipartReader form, MultipartReader.Part part, UploadPolicy policy)
            throws IOException {
        IncomingFile file = landing.begin(policy.fileName());
        try {
            file.limitTo(SizeLimit.declared(policy.maxSize()));
            landing.receive(form, part, file);
            if (file.size() < policy.minSize()) {
                throw new BadRequestResponse(policy.fileName() + " has " + file.size() + " bytes, fewer than the "
                        + policy.minSize() + " it was signed for.");
            }
            UploadTarget target = policy.target();
            LandedFile landed = landing.land(file, target, new CampaignPath(target.folder(), policy.key()),
                    Optional.ofNullable(policy.metadata()));
            return UploadResult.of(landed, policy.campaignId());
        } finally {
            if (file.isOpen()) {
                file.discard();
            }
        }
    }
}
