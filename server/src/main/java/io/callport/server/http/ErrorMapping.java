package io.callport.server.http;

import com.fasterxml.jackson.core.JacksonException;
import io.callport.server.auth.AccessDeniedException;
import io.callport.server.auth.AuthenticationException;
import io.callport.server.auth.TooManyFailuresException;
import io.callport.server.ingest.PipelineCommands;
import io.callport.server.landing.DiskFullException;
import io.callport.server.store.DuplicateException;
import io.callport.server.store.InvalidValueException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.UUID;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP responses: {@code {"error": code, "message": ...}} and a status. */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    static void addTo(RoutesConfig routes) {
        routes.exception(Exception.class, ErrorMapping::handle);
        // Javalin answers its own HTTP exceptions (no route, 405, body too large) unless told otherwise
        routes.exception(HttpResponseException.class, ErrorMapping::handle);
    }

    private static void handle(Exception e, Context ctx) {
        switch (e) {
            case ApiException api -> {
                api.headers().forEach(ctx::header);
                respond(ctx, api.status(), api.code(), api.getMessage());
            }
            case HttpResponseException http -> ctx.status(http.getStatus()).json(new ErrorBody(
                    codeFor(http.getStatus()), http.getMessage(), http.getDetails().get("reason")));
            case ValidationException validation -> respond(ctx, 400, "bad_request",
                    "Invalid parameter: " + validation.getErrors().keySet());
            case DuplicateException duplicate -> respond(ctx, 409, "conflict", duplicate.getMessage());
            case PipelineCommands.Refused refused -> respond(ctx, 409, "conflict", refused.getMessage());
            case InvalidValueException invalid -> respond(ctx, 400, "bad_request", invalid.getMessage());
            case AuthenticationException unauthenticated -> {
                ctx.header("WWW-Authenticate", "Bearer");
                respond(ctx, 401, "unauthorized", unauthenticated.getMessage());
            }
            case AccessDeniedException denied -> respond(ctx, 403, "forbidden", denied.getMessage());
            case TooManyFailuresException limited -> {
                ctx.header("Retry-After", String.valueOf(limited.retryAfterSeconds()));
                respond(ctx, 429, "too_many_requests", limited.getMessage());
            }
            default -> {
                JacksonException json = cause(e, JacksonException.class);
                BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
                DiskFullException diskFull = cause(e, DiskFullException.class);
                if (diskFull != null) {
                    LOG.atWarn().addKeyValue("route", Routes.template(ctx)).log(diskFull.getMessage());
                    respond(ctx, 507, "insufficient_storage", diskFull.getMessage());
                } else if (cause(e, EofException.class) != null) {
                    // the connection dropped mid-request: the client's problem to retry, not the server's failure
                    LOG.atInfo().addKeyValue("route", Routes.template(ctx)).addKeyValue("error", e.getMessage())
                            .log("client connection lost mid-request");
                    respond(ctx, 400, "bad_request", "The request ended before its body did.");
                } else if (tooLarge != null) {
                    respond(ctx, 413, "payload_too_large", tooLarge.getMessage());
                } else if (json != null) {
                    respond(ctx, 400, "invalid_json", "The request body is not valid JSON for this request: "
                            + json.getOriginalMessage());
                } else {
                    String incident = UUID.randomUUID().toString();
                    LOG.atError().addKeyValue("incident", incident).addKeyValue("route", Routes.template(ctx))
                            .setCause(e).log("request failed");
                    respond(ctx, 500, "internal_error",
                            "The server failed to handle this request; quote incident " + incident + ".");
                }
            }
        }
    }

    private static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ErrorBody(code, message, null));
    }

    /** The first exception of {@code type} in the cause chain: parsers wrap what the body stream threw. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }
}
