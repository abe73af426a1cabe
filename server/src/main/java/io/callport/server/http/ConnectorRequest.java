package io.callport.server.http;

import io.callport.naming.FileNameConvention;
import io.callport.server.pull.ConnectorSettings;
import io.callport.server.pull.Credentials;
import io.callport.server.pull.DateFolders;
import io.callport.server.pull.Schedule;
import io.callport.server.store.InvalidValueException;
import io.callport.server.store.PickingRule;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The body of {@code POST .../connectors} (name, protocol and where to fetch from required) and
 * {@code PATCH /connectors/{id}} (every field optional: what is absent keeps its value). The secrets
 * ({@code password}, {@code privateKey}, {@code privateKeyPassphrase}, {@code accessKey}, {@code secretKey}) are
 * write-only; a PATCH that gives any of them replaces all the stored ones.
 */
public record ConnectorRequest(String name, String protocol, String host, Integer port, String username,
                               String basePath, String bucket, String prefix, String region, String endpoint,
                               String password, String privateKey, String privateKeyPassphrase, String accessKey,
                               String secretKey, String dateFolders, Integer lookbackDays, String timeZone,
                               String schedule, String picking, FileNameConvention fileNameConvention,
                               Integer quietPeriodSeconds, Integer parallelFetches, Boolean enabled) {

    /** The settings of a new connector: the defaults, then what the request gives. */
    ConnectorSettings newSettings() {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("A connector needs a name, e.g. 'Recorder SFTP'.");
        }
        return applyTo(ConnectorSettings.of(name, siteFields().toSite()));
    }

    /** {@code current} with every setting the request gives replaced. */
    ConnectorSettings applyTo(ConnectorSettings current) {
        return new ConnectorSettings(
                name != null ? name : current.name(),
                SiteFields.of(current.site()).overlaidWith(siteFields()).toSite(),
                dateFolders != null ? DateFolders.of(dateFolders) : current.dateFolders(),
                schedule != null ? Schedule.parse(schedule) : current.schedule(),
                picking != null ? PickingRule.parse(picking) : current.picking(),
                fileNameConvention != null ? fileNameConvention : current.convention(),
                timeZone != null ? zone(timeZone) : current.zone(),
                lookbackDays != null ? lookbackDays : current.lookbackDays(),
                quietPeriodSeconds != null ? Duration.ofSeconds(quietPeriodSeconds) : current.quietPeriod(),
                parallelFetches != null ? parallelFetches : current.parallelFetches());
    }

    /** The secrets given, or null when the request gives none (a PATCH then keeps the stored ones). */
    Credentials credentials() {
        Credentials given = new Credentials(password, privateKey, privateKeyPassphrase, accessKey, secretKey);
        return given.equals(Credentials.none()) ? null : given;
    }

    /** True when the request changes anything but {@code enabled}. */
    boolean changesSettings() {
        return credentials() != null || Stream.of(name, protocol, host, port, username, basePath, bucket, prefix,
                region, endpoint, dateFolders, lookbackDays, timeZone, schedule, picking, fileNameConvention,
                quietPeriodSeconds, parallelFetches).anyMatch(Objects::nonNull);
    }

    private SiteFields siteFields() {
        return new SiteFields(protocol, host, port, username, basePath, bucket, prefix, region, endpoint);
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("The time zone '" + text + "' is not known; give one such as "
                    + "Europe/Paris, America/New_York or UTC.");
        }
    }

    /** Never prints a secret, only which were given. */
    @Override
    public String toString() {
        Credentials given = credentials();
        return "ConnectorRequest[name=" + name + ", site=" + siteFields() + ", credentials="
                + (given == null ? "none" : given) + "]";
    }
}
