package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A call with each of its versions, newest last: why it was processed again and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallDetail(CallInfo call, List<Version> versions) {

    public CallDetail {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** One processing of the call. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(int version, String cause, Instant createdAt) {
    }
}
