package io.callport.server.landing;

import java.io.IOException;

/** A write went past a file's size limit; the partial file has already been deleted. */
public final class FileTooLargeException extends IOException {
    private final transient SizeLimit limit;

    public FileTooLargeException(String fileName, SizeLimit limit) {
        super(fileName + " is larger than " + limit.description() + "; it was not kept.");
        this.limit = limit;
    }

    public SizeLimit limit() {
        return limit;
    }
}
