package io.callport.server;

import java.util.List;

/** The features a production server runs with; the one place to plug in a new one. */
public final class StandardExtensions {
    private StandardExtensions() {
    }

    public static List<ServerExtension> all() {
        return List.of(new TransferExtension(context -> TransferExtension.LOG_ARRIVALS));
    }
}
