package io.callport.cli;

import io.callport.service.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a sending command sends: the profile, the campaign and the way of sending. */
final class DestinationOptions {
    @Mixin
    ProfileOptions profile;

    @Option(names = "--campaign", paramLabel = "C", description = "The campaign, by name, folder or id; default: "
            + "the profile's.")
    String campaign;

    @Option(names = "--transport", paramLabel = "sftp|http", description = "How to send; default: the profile's.")
    Transport transport;

    /** The destination asked for, or empty once {@code err} has been told why there is none. */
    Optional<Destination> resolve(PrintWriter err) {
        try {
            return Optional.of(Destination.resolve(profile, campaign, transport));
        } catch (IOException e) {
            err.println("callport: " + e.getMessage());
            return Optional.empty();
        }
    }
}
