package io.callport.server.upload;

import io.callport.server.landing.LandingArea;
import io.callport.server.landing.LandingListener;
import io.javalin.config.RoutesConfig;
import java.time.Duration;

/**
 * The HTTP upload routes, ready to register on the server's Javalin config. Authentication stays outside: every
 * route but {@link #PRESIGNED_PATH} (whose signature is its credential) and tus's OPTIONS needs the server's API
 * key check first, and {@link UploadTargets} decides which campaigns the caller may upload to. None of these
 * routes may have its body read by another handler (no {@code ctx.formParam}, {@code ctx.body} or request
 * logging of bodies): they stream it to disk themselves.
 */
public final class UploadRoutes {
    public static final String ONE_SHOT_PATH = "/api/v1/calls/upload";
    public static final String PRESIGN_PATH = "/api/v1/uploads/presign";
    public static final String PRESIGNED_PATH = "/api/v1/uploads/presigned";
    public static final String TUS_PATH = "/api/v1/tus";
    public static final String TUS_UPLOAD_PATH = TUS_PATH + "/{uploadId}";
    /** How long a presigned upload link works. */
    public static final Duration PRESIGN_VALIDITY = Duration.ofHours(1);

    private final OneShotUploadHandler oneShot;
    private final PresignHandler presign;
    private final PresignedUploadHandler presigned;
    private final TusHandler tus;

    public UploadRoutes(UploadTargets targets, LandingArea landing, LandingListener listener,
                        UploadPolicySigner signer, UsageQuota quota, TusUploads tusUploads) {
        HttpLanding httpLanding = new HttpLanding(landing, listener);
        this.oneShot = new OneShotUploadHandler(targets, httpLanding);
        this.presign = new PresignHandler(targets, httpLanding, signer, quota, PRESIGN_VALIDITY);
        this.presigned = new PresignedUploadHandler(httpLanding, signer);
        this.tus = new TusHandler(targets, tusUploads);
    }

    public void register(RoutesConfig routes) {
        routes.post(ONE_SHOT_PATH, oneShot);
        routes.post(PRESIGN_PATH, presign);
        routes.post(PRESIGNED_PATH, presigned);
        routes.options(TUS_PATH, tus::options);
        routes.options(TUS_UPLOAD_PATH, tus::options);
        routes.post(TUS_PATH, tus::create);
        routes.head(TUS_UPLOAD_PATH, tus::head);
        routes.patch(TUS_UPLOAD_PATH, tus::patch);
        routes.delete(TUS_UPLOAD_PATH, tus::delete);
    }
}
