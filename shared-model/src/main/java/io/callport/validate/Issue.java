package io.callport.validate;

import java.util.Objects;

/**
 * One thing wrong (or worth knowing) about a file of a batch.
 *
 * @param code     stable code
 * @param severity the code's severity unless the rule raised or lowered it
 * @param file     the file's name as the user sees it (inside a zip: {@code archive.zip!/entry})
 * @param line     1-based line as a text editor shows it; 0 when the issue is about the whole file
 * @param column   the column's header name (or 1-based position without a header); null when not about a cell
 * @param value    the offending value, shortened; null when there is none
 * @param message  a sentence a contact-center admin understands
 */
public record Issue(IssueCode code, Severity severity, String file, long line, String column, String value,
                    String message) {

    static final int MAX_VALUE_LENGTH = 60;

    public Issue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        value = shorten(value);
    }

    public static Issue ofFile(IssueCode code, String file, String message) {
        return new Issue(code, code.severity(), file, 0, null, null, message);
    }

    public static Issue ofCell(IssueCode code, String file, long line, String column, String value, String message) {
        return new Issue(code, code.severity(), file, line, column, value, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Keeps reports readable when a cell holds a whole document; the start identifies the value. */
    static String shorten(String value) {
        if (value == null || value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        return value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
}
