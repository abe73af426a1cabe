package io.callport.server.upload;

import io.javalin.http.Context;

/**
 * Resolves the campaign of an upload request for the already-authenticated caller. Implemented by the server's
 * auth layer, so the upload handlers never see keys.
 */
@FunctionalInterface
public interface UploadTargets {

    /**
     * The campaign {@code campaignId} if the request's credentials may upload to it.
     *
     * @throws io.javalin.http.NotFoundResponse  when there is no such campaign
     * @throws io.javalin.http.ForbiddenResponse when the credentials may not upload to it
     */
    UploadTarget resolve(Context ctx, String campaignId);
}
