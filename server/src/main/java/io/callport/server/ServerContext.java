package io.callport.server;

import io.callport.server.config.ServerConfig;
import io.callport.server.storage.BlobStore;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.Store;
import java.time.Clock;

/**
 * What the server's parts share while it runs.
 *
 * @param secrets encrypts the secrets kept in the database with the server's credential key
 */
public record ServerContext(ServerConfig config, Database database, Store store, BlobStore blobs, Clock clock,
                            ListeningPorts ports, CredentialCipher secrets) {
}
