package io.callport.service.upload;

import java.io.IOException;

/** The server refused a file or the login for good (a limit, a permission, a key it does not know): no retry. */
final class TransferRefusedException extends IOException {
    TransferRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
