package io.callport.server.http;

import io.callport.api.Connector;
import io.callport.server.pull.FtpMode;
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
 * @param ftpMode  {@code passive} or {@code active}, for FTP and FTPS
 */
record SiteFields(String protocol, String host, Integer port, String username, String basePath, String ftpMode,
                  String bucket, String prefix, String region, String endpoint) {

    static SiteFields of(RemoteSite site) {
        return switch (site) {
            case SftpSite s -> new SiteFields(Connector.SFTP, s.host(), s.port(), s.username(), s.basePath(), null,
                    null, null, null, null);
            case FtpSite f -> new SiteFields(f.tls() ? Connector.FTPS : Connector.FTP, f.host(), f.port(),
                    f.username(), f.basePath(), f.mode().name().toLowerCase(Locale.ROOT), null, null, null, null);
            case S3Site s -> new SiteFields(Connector.S3, null, null, null, null, null, s.bucket(), s.prefix(),
                    s.region(), s.endpoint() == null ? null : s.endpoint().toString());
        };
    }

    /** These fields with every field {@code changes} gives replacing this one's; a new protocol resets the port. */
    SiteFields overlaidWith(SiteFields changes) {
        String newProtocol = changes.protocol != null ? normalised(changes.protocol) : protocol;
        boolean sameProtocol = newProtocol != null && newProtocol.equals(protocol);
        return new SiteFields(newProtocol, pick(changes.host, host),
                changes.port != null ? changes.port : sameProtocol ? port : null,
                pick(changes.username, username), pick(changes.basePath, basePath), pick(changes.ftpMode, ftpMode),
                pick(changes.bucket, bucket),
                pick(changes.prefix, prefix), pick(changes.region, region), pick(changes.endpoint, endpoint));
    }

    RemoteSite toSite() {
        if (protocol == null) {
            throw new InvalidValueException("A connector needs a protocol: sftp, ftp, ftps or s3.");
        }
        return switch (protocol) {
            case Connector.SFTP -> new SftpSite(host, port != null ? port : SftpSite.DEFAULT_PORT, username,
                    basePath);
            case Connector.FTP, Connector.FTPS -> new FtpSite(host, port != null ? port : FtpSite.DEFAULT_PORT,
                    username, basePath, protocol.equals(Connector.FTPS), ftpMode(ftpMode));
            case Connector.S3 -> new S3Site(bucket, prefix, region == null || region.isBlank() ? null : region.strip(),
                    endpointUrl(endpoint));
            default -> throw new InvalidValueException("The protocol '" + protocol + "' must be sftp, ftp, ftps or "
                    + "s3.");
        };
    }

    private static FtpMode ftpMode(String text) {
        if (text == null || text.isBlank()) {
            return FtpMode.PASSIVE;
        }
        return switch (normalised(text)) {
            case Connector.PASSIVE -> FtpMode.PASSIVE;
            case Connector.ACTIVE -> FtpMode.ACTIVE;
            default -> throw new InvalidValueException("The FTP mode '" + text + "' must be passive (the default) or "
                    + "active.");
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
