package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of a listing.
 *
 * @param nextOffset the offset of the next page, or null on the last one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listing<T>(List<T> items, Integer nextOffset) {

    public Listing {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
