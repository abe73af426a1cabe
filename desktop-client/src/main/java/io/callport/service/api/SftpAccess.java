package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The SFTP account an SSH key registered with the server opens.
 *
 * @param campaignId  the campaign the key is bound to, whose folder is the account's root; null when the key
 *                    serves the whole organisation, whose root holds one folder per campaign
 * @param fingerprint the key's {@code SHA256:...} fingerprint
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SftpAccess(String id, String host, int port, String username, String campaignId, String fingerprint) {
}
