package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A campaign as the server lists it.
 *
 * @param folder the campaign's SFTP folder, under which its files arrive
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Campaign(String id, String name, String folder, boolean csvRequired, int batchWindowSeconds) {
}
