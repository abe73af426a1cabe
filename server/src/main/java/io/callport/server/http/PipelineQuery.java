package io.callport.server.http;

import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.store.Page;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading the query of the pipeline's listings: who may list, which campaigns, which page, typed filters. */
final class PipelineQuery {
    static final int DEFAULT_LIMIT = 100;

    private PipelineQuery() {
    }

    /**
     * The caller, who must be allowed to follow uploads. Keys are not linked to agents, so an agent key (which
     * sees only its own calls) sees none and is refused.
     */
    static Principal viewer(Context ctx) {
        Principal principal = Principal.of(ctx);
        if (!principal.role().can(Permission.VIEW_ALL_CALLS)
                && !principal.role().can(Permission.VIEW_ASSIGNED_CAMPAIGN_CALLS)) {
            throw new io.callport.server.auth.AccessDeniedException("A key with the role " + principal.role()
                    + " sees only its own calls, and an API key is not linked to an agent; use a manager's key.");
        }
        return principal;
    }

    /** The campaigns a listing covers: the one asked for (404 outside the key's reach), the key's own, or all. */
    static List<String> campaigns(Context ctx, Principal principal, CampaignLookup lookup) {
        String asked = ctx.queryParam("campaignId");
        if (asked != null && !asked.isBlank()) {
            return List.of(lookup.visible(principal, asked).id());
        }
        return principal.isOrganisationWide() ? null : List.of(principal.campaignId());
    }

    static Page page(Context ctx) {
        return new Page(integer(ctx, "limit", DEFAULT_LIMIT), integer(ctx, "offset", 0));
    }

    static <E extends Enum<E>> E enumeration(Context ctx, String name, Class<E> type) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + value + "' is not a " + name + "; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + value + "' is not a time for " + name
                    + "; give an ISO-8601 instant such as 2026-11-02T08:00:00Z.");
        }
    }

    private static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + value + "' is not a whole number for " + name + ".");
        }
    }
}
