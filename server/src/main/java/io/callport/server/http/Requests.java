package io.callport.server.http;

import io.javalin.http.Context;

/** Reading JSON request bodies; Javalin caps their size ({@code http.maxRequestSize}). */
final class Requests {
    private Requests() {
    }

    static <T> T json(Context ctx, Class<T> type) {
        if (ctx.contentLength() == 0) {
            throw ApiException.badRequest("This request needs a JSON body.");
        }
        T body = ctx.bodyAsClass(type);
        if (body == null) {
            throw ApiException.badRequest("This request needs a JSON object as its body, not null.");
        }
        return body;
    }
}
