package io.callport.csv;

import io.callport.validate.IssueCode;

/** The file cannot be read past this point: a quote that never closes, or a cell larger than any real one. */
public final class CsvSyntaxException extends Exception {
    private final IssueCode code;
    private final long line;

    public CsvSyntaxException(IssueCode code, long line, String message) {
        super(message);
        this.code = code;
        this.line = line;
    }

    public IssueCode code() {
        return code;
    }

    public long line() {
        return line;
    }
}
