package io.callport.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callport.naming.FileNameConvention;

/**
 * What the Uploader sends to add or change a pull connector. A null field is left out, so a change keeps its value;
 * an empty text clears it. The secrets ({@code password}, {@code privateKey}, {@code privateKeyPassphrase},
 * {@code accessKey}, {@code secretKey}) are write-only: giving any of them replaces every stored one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorSettings(String name, String protocol, String host, Integer port, String username,
                                String basePath, String bucket, String prefix, String region, String endpoint,
                                String password, String privateKey, String privateKeyPassphrase, String accessKey,
                                String secretKey, String dateFolders, Integer lookbackDays, String timeZone,
                                String schedule, String picking, FileNameConvention fileNameConvention,
                                Integer quietPeriodSeconds, Integer parallelFetches, Boolean enabled) {

    /** A change that only turns the connector on or off. */
    public static ConnectorSettings enabledOnly(boolean enabled) {
        return new ConnectorSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, enabled);
    }

    /** Never prints a secret, only the connector's name and where it points. */
    @Override
    public String toString() {
        return "ConnectorSettings[name=" + name + ", protocol=" + protocol + ", host=" + host + ", bucket=" + bucket
                + "]";
    }
}
