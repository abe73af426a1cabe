package io.callport.server;

import io.callport.server.config.ServerConfig;
import io.callport.server.store.Database;
import java.time.Clock;

/** What the server's parts share while it runs. */
public record ServerContext(ServerConfig config, Database database, Clock clock) {
}
