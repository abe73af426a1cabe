package io.callport.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.callport.naming.FileNameConvention;

/**
 * The body that adds a pull connector ({@code POST .../connectors}: name, protocol and where to fetch from required)
 * or changes one ({@code PATCH /connectors/{id}}: a null field is left out and keeps its value; an empty text clears
 * it). The secrets ({@code password}, {@code privateKey}, {@code privateKeyPassphrase}, {@code accessKey},
 * {@code secretKey}) are write-only: giving any of them replaces every stored one.
 *
 * @param protocol           as {@link Connector#protocol()}
 * @param ftpMode            {@value Connector#PASSIVE} (the default) or {@value Connector#ACTIVE}, for FTP and FTPS
 * @param defaultCredentials for S3: true logs in with the server's default AWS credentials and drops any stored
 *                           access key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorRequest(String name, String protocol, String host, Integer port, String username,
                               String basePath, String ftpMode, String bucket, String prefix, String region,
                               String endpoint, Boolean defaultCredentials, String password, String privateKey,
                               String privateKeyPassphrase, String accessKey, String secretKey, String dateFolders,
                               Integer lookbackDays, String timeZone, String schedule, String picking,
                               FileNameConvention fileNameConvention, Integer quietPeriodSeconds,
                               Integer parallelFetches, Boolean enabled) {

    /** A change that only turns the connector on or off. */
    public static ConnectorRequest enabledOnly(boolean enabled) {
        return new ConnectorRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, enabled);
    }

    /** Whether any secret is given. */
    public boolean givesSecrets() {
        return password != null || privateKey != null || privateKeyPassphrase != null || accessKey != null
                || secretKey != null;
    }

    /** Never prints a secret, only the connector's name, where it points and which secrets are given. */
    @Override
    public String toString() {
        return "ConnectorRequest[name=" + name + ", protocol=" + protocol + ", host=" + host + ", bucket=" + bucket
                + ", secrets=" + (givesSecrets() ? "given (hidden)" : "none") + "]";
    }
}
