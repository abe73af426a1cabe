package io.callport.server.http;

import java.io.IOException;

/**
 * A streamed request body passed its size limit. An {@link IOException}, so it travels through parsers that read
 * the stream (they may wrap it); {@link ErrorMapping} finds it in the cause chain and answers 413.
 */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(String message) {
        super(message);
    }
}
