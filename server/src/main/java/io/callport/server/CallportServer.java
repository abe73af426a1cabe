package io.callport.server;

import io.callport.server.config.ServerConfig;
import io.callport.server.http.HealthRoutes;
import io.callport.server.http.HttpApi;
import io.callport.server.http.RouteGroup;
import io.callport.server.store.Database;
import io.callport.server.store.MigrationRunner;
import io.callport.server.store.Store;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Callport server: database, extensions' components and the HTTP API, started and stopped together.
 * Start order is database, migrations, components, HTTP; stop order is the reverse, so HTTP finishes its requests
 * before the components and the database go away.
 */
public final class CallportServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallportServer.class);

    private final ServerConfig config;
    private final List<ServerExtension> extensions;
    private final Clock clock;

    private Database database;
    private ServerContext context;
    private final List<ManagedComponent> started = new ArrayList<>();
    private Javalin http;

    public CallportServer(ServerConfig config, List<ServerExtension> extensions) {
        this(config, extensions, Clock.systemUTC());
    }

    public CallportServer(ServerConfig config, List<ServerExtension> extensions, Clock clock) {
        this.config = config;
        this.extensions = List.copyOf(extensions);
        this.clock = clock;
    }

    public synchronized CallportServer start() {
        if (database != null) {
            throw new IllegalStateException("The server is already started.");
        }
        try {
            database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
            new MigrationRunner(database).migrate();
            context = new ServerContext(config, database, Store.on(database, clock), clock);

            List<RouteGroup> routeGroups = new ArrayList<>(List.of(new HealthRoutes(database)));
            List<ManagedComponent> components = new ArrayList<>();
            for (ServerExtension extension : extensions) {
                routeGroups.addAll(extension.routeGroups(context));
                components.addAll(extension.components(context));
            }
            for (ManagedComponent component : components) {
                component.start();
                started.add(component);
                LOG.atInfo().addKeyValue("component", component.name()).log("component started");
            }
            http = HttpApi.create(routeGroups).start(config.bind(), config.httpPort());
            LOG.atInfo().addKeyValue("bind", config.bind()).addKeyValue("httpPort", httpPort())
                    .addKeyValue("dataDir", config.dataDir()).log("server started");
            return this;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The server failed to start: " + e.getMessage(), e);
        }
    }

    /** Stops accepting requests, lets requests in flight finish, stops components, closes the database. */
    public synchronized void stop() {
        if (http != null) {
            http.stop();
            http = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            ManagedComponent component = started.get(i);
            try {
                component.stop();
                LOG.atInfo().addKeyValue("component", component.name()).log("component stopped");
            } catch (Exception e) {
                LOG.atError().addKeyValue("component", component.name()).setCause(e).log("component failed to stop");
            }
        }
        started.clear();
        if (database != null) {
            database.close();
            database = null;
            LOG.info("server stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port HTTP listens on; the real one when the configuration asked for port 0. */
    public int httpPort() {
        if (http == null) {
            throw new IllegalStateException("The server is not running.");
        }
        return http.port();
    }

    public ServerContext context() {
        if (context == null) {
            throw new IllegalStateException("The server has not been started.");
        }
        return context;
    }

    public ServerConfig config() {
        return config;
    }
}
