package io.callport.server.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.callport.csv.DetectedDialect;
import io.callport.csv.DialectDetector;
import io.callport.mapping.ColumnReference;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.server.auth.Permission;
import io.callport.server.auth.Principal;
import io.callport.server.store.Campaign;
import io.callport.server.store.FieldMappingRepository;
import io.callport.server.store.FieldMappingVersion;
import io.callport.server.store.MappingSample;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's field mapping: upload a sample CSV to get its dialect, header, preview and a suggested mapping;
 * save a mapping (checked on its own and against the sample's columns) as a new version; read the current one
 * and the history.
 */
public final class MappingRoutes implements RouteGroup {
    private static final String PATH = CampaignRoutes.PATH + "/{id}/mapping";
    /** The detector reads only the start of a sample; this bounds what a client may send at all. */
    static final long MAX_SAMPLE_BYTES = 200L * 1024 * 1024;

    private final FieldMappingRepository mappings;
    private final CampaignLookup lookup;

    public MappingRoutes(FieldMappingRepository mappings, CampaignLookup lookup) {
        this.mappings = mappings;
        this.lookup = lookup;
    }

    /** One saved mapping version; {@code mapping} is the mapping document itself. */
    public record MappingVersionView(String campaignId, int version, Instant createdAt,
                                     @JsonRawValue String mapping) {
        static MappingVersionView of(FieldMappingVersion v) {
            return new MappingVersionView(v.campaignId(), v.version(), v.createdAt(), v.mappingJson());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.put(PATH, this::save)
                .get(PATH, this::current)
                .get(PATH + "/versions", this::versions)
                .post(PATH + "/sample", this::sample);
    }

    @Override
    public Optional<String> openApiResource() {
        return Optional.of("/io/callport/server/http/openapi/mappings.json");
    }

    private void save(Context ctx) {
        Campaign campaign = lookup.visible(Principal.of(ctx).require(Permission.CONFIGURE_SFTP), ctx.pathParam("id"));
        FieldMapping mapping;
        try {
            mapping = MappingJson.parse(ctx.body());
        } catch (InvalidMappingException e) {
            throw new ApiException(400, "invalid_mapping", e.getMessage());
        }
        List<String> problems = mapping.problems();
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_mapping", String.join(" ", problems));
        }
        mappings.sample(campaign.id()).ifPresent(sample -> requireColumnsOf(sample, mapping));
        ctx.json(MappingVersionView.of(mappings.save(campaign.id(), MappingJson.write(mapping))));
    }

    private void current(Context ctx) {
        Campaign campaign = lookup.visible(Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS), ctx.pathParam("id"));
        FieldMappingVersion current = mappings.current(campaign.id()).orElseThrow(() -> ApiException.notFound(
                "The campaign " + campaign.name() + " has no mapping yet; upload a sample and save one."));
        ctx.json(MappingVersionView.of(current));
    }

    private void versions(Context ctx) {
        Campaign campaign = lookup.visible(Principal.of(ctx).require(Permission.VIEW_CAMPAIGNS), ctx.pathParam("id"));
        ctx.json(mappings.versions(campaign.id()).stream().map(MappingVersionView::of).toList());
    }

    private void sample(Context ctx) throws IOException {
        Campaign campaign = lookup.visible(Principal.of(ctx).require(Permission.CONFIGURE_SFTP), ctx.pathParam("id"));
        DetectedDialect detected;
        try (InputStream body = BoundedBody.of(ctx, MAX_SAMPLE_BYTES, "sample file")) {
            detected = new DialectDetector().detect(body);
            // Answering before the client has sent everything makes its connection reset under the answer.
            body.transferTo(OutputStream.nullOutputStream());
        }
        if (detected.header().isEmpty()) {
            throw ApiException.badRequest("The sample file has no rows; upload a CSV with a header and a few calls.");
        }
        mappings.saveSample(campaign.id(), detected.header(), detected.dialect().header());
        ctx.json(detected);
    }

    private static void requireColumnsOf(MappingSample sample, FieldMapping mapping) {
        ColumnReference columns = sample.hasHeader() && mapping.dialect().header()
                ? ColumnReference.byHeader(sample.header()) : ColumnReference.byPosition(sample.header().size());
        List<String> missing = mapping.allColumnReferences().stream()
                .filter(column -> columns.indexOf(column) < 0).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(400, "mapping_does_not_match_sample", "The sample file uploaded on "
                    + sample.uploadedAt() + " has no column " + String.join(", ", missing) + ". Its columns are: "
                    + String.join(", ", sample.header()) + ".");
        }
    }
}
