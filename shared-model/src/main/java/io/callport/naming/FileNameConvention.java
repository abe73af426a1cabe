package io.callport.naming;

/**
 * How a recorder names its recordings, so the name's parts become metadata. A pattern is tokens joined by the
 * separator; a token of date-time letters ({@code yyyy yy MM dd HH mm ss}, with punctuation such as
 * {@code yyyyMMdd-HHmmss}) is part of the contact date, read in {@code timeZone}; any other token is a field name
 * (aliases in {@link NameFields}). {@code docs/file-name-conventions.md} describes the language.
 *
 * @param pattern   e.g. {@value #DIRECTION_PRESET}
 * @param separator the text between parts; {@value #DEFAULT_SEPARATOR} when not given
 * @param timeZone  a zone id the date-time parts are read in; {@value #DEFAULT_TIME_ZONE} when not given
 * @throws IllegalArgumentException when the pattern, separator or time zone is invalid, saying why
 */
public record FileNameConvention(String pattern, String separator, String timeZone) {
    /** Date, time, agent's first and last name, channel, agent's telephone extension, line called, reason code. */
    public static final String RECORDER_PRESET = "yyyy_MM_dd_HH_mm_ss_first_last_channel_ext_line_reason";
    /** Date-time, call direction, agent's id. */
    public static final String DIRECTION_PRESET = "yyyyMMdd-HHmmss_direction_uid";
    public static final String DEFAULT_SEPARATOR = "_";
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public FileNameConvention {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("The file-name pattern is empty; give one such as " + DIRECTION_PRESET + ".");
        }
        separator = separator == null ? DEFAULT_SEPARATOR : separator;
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        CompiledConvention.of(pattern, separator, timeZone);
    }

    /** The pattern with separator {@value #DEFAULT_SEPARATOR}, read in {@value #DEFAULT_TIME_ZONE}. */
    public static FileNameConvention preset(String pattern) {
        return new FileNameConvention(pattern, null, null);
    }

    /**
     * Reads a recording's name (folders and file extension are dropped first). Never throws for a name that
     * does not fit: the extraction carries issues instead, and no field is guessed.
     */
    public NameExtraction extract(String fileName) {
        return CompiledConvention.of(pattern, separator, timeZone).extract(fileName);
    }
}
