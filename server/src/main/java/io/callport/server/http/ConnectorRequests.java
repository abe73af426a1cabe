package io.callport.server.http;

import io.callport.api.ConnectorRequest;
import io.callport.server.pull.ConnectorSettings;
import io.callport.server.pull.Credentials;
import io.callport.server.pull.DateFolders;
import io.callport.server.pull.RemoteSite;
import io.callport.server.pull.S3Site;
import io.callport.server.pull.Schedule;
import io.callport.server.store.InvalidValueException;
import io.callport.server.store.PickingRule;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a {@link ConnectorRequest} asks of {@code POST .../connectors} (name, protocol and where to fetch from
 * required) and {@code PATCH /connectors/{id}} (every field optional: what is absent keeps its value).
 */
final class ConnectorRequests {
    private ConnectorRequests() {
    }

    /** The settings of a new connector: the defaults, then what the request gives. */
    static ConnectorSettings newSettings(ConnectorRequest request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new InvalidValueException("A connector needs a name, e.g. 'Recorder SFTP'.");
        }
        return applyTo(request, ConnectorSettings.of(request.name(), siteFields(request).toSite()));
    }

    /** {@code current} with every setting the request gives replaced. */
    static ConnectorSettings applyTo(ConnectorRequest r, ConnectorSettings current) {
        return new ConnectorSettings(
                r.name() != null ? r.name() : current.name(),
                SiteFields.of(current.site()).overlaidWith(siteFields(r)).toSite(),
                r.dateFolders() != null ? DateFolders.of(r.dateFolders()) : current.dateFolders(),
                r.schedule() != null ? Schedule.parse(r.schedule()) : current.schedule(),
                r.picking() != null ? PickingRule.parse(r.picking()) : current.picking(),
                r.fileNameConvention() != null ? r.fileNameConvention() : current.convention(),
                r.timeZone() != null ? zone(r.timeZone()) : current.zone(),
                r.lookbackDays() != null ? r.lookbackDays() : current.lookbackDays(),
                r.quietPeriodSeconds() != null ? Duration.ofSeconds(r.quietPeriodSeconds()) : current.quietPeriod(),
                r.parallelFetches() != null ? r.parallelFetches() : current.parallelFetches());
    }

    /**
     * The secrets to store: those given; none at all when the request asks for the server's default AWS credentials;
     * null when it gives none (a PATCH then keeps the stored ones).
     *
     * @param site            where the connector fetches from once the request is applied
     * @param storesNoSecrets whether the connector keeps no secret now (true for a new one)
     */
    static Credentials credentials(ConnectorRequest r, RemoteSite site, boolean storesNoSecrets) {
        Credentials given = new Credentials(r.password(), r.privateKey(), r.privateKeyPassphrase(), r.accessKey(),
                r.secretKey());
        boolean none = given.equals(Credentials.none());
        if (r.defaultCredentials() == null) {
            return none ? null : given;
        }
        if (!(site instanceof S3Site)) {
            throw new InvalidValueException("defaultCredentials is for S3 connectors: an SFTP or FTP connector logs "
                    + "in with its own password or key.");
        }
        if (r.defaultCredentials()) {
            if (!none) {
                throw new InvalidValueException("Give the S3 access key and secret key, or ask for the server's "
                        + "default AWS credentials (defaultCredentials true), not both.");
            }
            return Credentials.none();
        }
        if (none && storesNoSecrets) {
            throw new InvalidValueException("To log in with an access key instead of the server's default AWS "
                    + "credentials, give the S3 access key and the secret key.");
        }
        return none ? null : given;
    }

    /** True when the request changes anything but {@code enabled}. */
    static boolean changesSettings(ConnectorRequest r) {
        return r.givesSecrets() || Stream.of(r.name(), r.protocol(), r.host(), r.port(), r.username(), r.basePath(),
                r.ftpMode(), r.bucket(), r.prefix(), r.region(), r.endpoint(), r.defaultCredentials(),
                r.dateFolders(), r.lookbackDays(), r.timeZone(), r.schedule(), r.picking(), r.fileNameConvention(),
                r.quietPeriodSeconds(), r.parallelFetches()).anyMatch(Objects::nonNull);
    }

    private static SiteFields siteFields(ConnectorRequest r) {
        return new SiteFields(r.protocol(), r.host(), r.port(), r.username(), r.basePath(), r.ftpMode(), r.bucket(),
                r.prefix(), r.region(), r.endpoint());
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("The time zone '" + text + "' is not known; give one such as "
                    + "Europe/Paris, America/New_York or UTC.");
        }
    }
}
