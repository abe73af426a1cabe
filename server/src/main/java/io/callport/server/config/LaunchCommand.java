package io.callport.server.config;

/** What the command line asks for: run the server, or print help or the version and exit. */
public sealed interface LaunchCommand {
    record Run(ServerConfig config) implements LaunchCommand {
    }

    record ShowHelp() implements LaunchCommand {
    }

    record ShowVersion() implements LaunchCommand {
    }
}
