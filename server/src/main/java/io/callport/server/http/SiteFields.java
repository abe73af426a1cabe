package io.callport.server.http;

import io.callport.server.pull.FtpSite;
import io.callport.server.pull.RemoteSite;
import io.callport.server.pull.S3Site;
import io.callport.server.pull.SftpSite;
import io.callport.server.store.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a connector fetches from, as the API spells it: one flat set of fields for every protocol, each kind of site
 * using its own ({@code host}... for SFTP and FTP(S), {@code bucket}... for S3).
 *
 * @param protocol {@code sftp}, {@code ftp}, {@code ftps} (explicit TLS) or {@code s3}
 */
record SiteFields(String protocol, String host, Integer port, String username, String basePath, String bucket,
                  String prefix, String region, String endpoint) {
    static final SiteFields NONE = new SiteFields(null, null, null, null, null, null, null, null, null);

    static SiteFields of(RemoteSite site) {
        return switch (site) {
            case SftpSite s -> new SiteFields("sftp", s.host(), s.port(), s.username(), s.basePath(), null, null, null,
                    null);
            case FtpSite f -> new SiteFields(f.tls() ? "ftps" : "ftp", f.host(), f.port(), f.username(), f.basePath(),
                    null, null, null, null);
            case S3Site s -> new SiteFields("s3", null, null, null, null, s.bucket(), s.prefix(), s.region(),
                    s.endpoint() == null ? null : s.endpoint().toString());
        };
    }

    /** These fields with every field {@code changes} gives replacing this one's; a new protocol resets the port. */
    SiteFields overlaidWith(SiteFields changes) {
        String newProtocol = changes.protocol != null ? normalised(changes.protocol) : protocol;
        boolean sameProtocol = newProtocol != null && newProtocol.equals(protocol);
        return new SiteFields(newProtocol, pick(changes.host, host),
                changes.port != null ? changes.port : sameProtocol ? port : null,
                pick(changes.username, username), pick(changes.basePath, basePath), pick(changes.bucket, bucket),
                pick(changes.prefix, prefix), pick(changes.region, region), pick(changes.endpoint, endpoint));
    }

    RemoteSite toSite() {
        if (protocol == null) {
            throw new InvalidValueException("A connector needs a protocol: sftp, ftp, ftps or s3.");
        }
        return switch (protocol) {
            case "sftp" -> new SftpSite(host, port != null ? port : SftpSite.DEFAULT_PORT, username, basePath);
            case "ftp", "ftps" -> new FtpSite(host, port != null ? port : FtpSite.DEFAULT_PORT, username, basePath,
                    protocol.equals("ftps"));
            case "s3" -> new S3Site(bucket, prefix, region == null || region.isBlank() ? null : region.strip(),
                    endpointUrl(endpoint));
            default -> throw new InvalidValueException("The protocol '" + protocol + "' must be sftp, ftp, ftps or "
                    + "s3.");
        };
    }

    private static String normalised(String protocol) {
        return protocol.strip().toLowerCase(Locale.ROOT);
    }

    private static String pick(String given, String current) {
        return given != null ? given : current;
    }

    private static URI endpointUrl(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI url = new URI(text.strip());
            if (("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException notAUrl) {
            // answered below
        }
        throw new InvalidValueException("The S3 endpoint '" + text + "' must be a URL such as "
                + "https://s3.example.com:9000.");
    }
}
