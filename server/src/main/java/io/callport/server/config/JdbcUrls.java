package io.callport.server.config;

import java.util.regex.Pattern;

/** Small helpers for JDBC URLs: which database they select, and how to show them without secrets. */
public final class JdbcUrls {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private JdbcUrls() {
    }

    public static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    public static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The URL with any password parameter replaced, safe for logs and error messages. */
    public static String redact(String url) {
        return url == null ? null : PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
