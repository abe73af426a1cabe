package io.callport.server.sftp;

import java.nio.file.AccessDeniedException;

/** An operation this server does not allow; its message is a sentence meant for the person at the client. */
final class Refusal extends AccessDeniedException {

    Refusal(String sentence) {
        super(null, null, sentence);
    }
}
