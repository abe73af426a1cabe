package io.callport.server;

import io.callport.server.auth.ApiKeyAuthenticator;
import io.callport.server.auth.ApiKeyService;
import io.callport.server.auth.AuthFailureLimiter;
import io.callport.server.config.ServerConfig;
import io.callport.server.http.AgentRoutes;
import io.callport.server.http.ApiKeyRoutes;
import io.callport.server.http.CampaignLookup;
import io.callport.server.http.CampaignRoutes;
import io.callport.server.http.HealthRoutes;
import io.callport.server.http.HttpApi;
import io.callport.server.http.HttpMetrics;
import io.callport.server.http.MappingRoutes;
import io.callport.server.http.MetricsRoutes;
import io.callport.server.http.OpenApiRoutes;
import io.callport.server.http.RouteGroup;
import io.callport.server.http.SshKeyRoutes;
import io.callport.server.http.UserRoutes;
import io.callport.server.storage.BlobStore;
import io.callport.server.store.CredentialCipher;
import io.callport.server.store.Database;
import io.callport.server.store.MigrationRunner;
import io.callport.server.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Callport server: database, extensions' components and the HTTP API, started and stopped together.
 * Start order is data folder, database, migrations, first-start owner key, components, HTTP; stop order is the
 * reverse, so HTTP finishes its requests before the components and the database go away.
 */
public final class CallportServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallportServer.class);
    /** Paths answered without an API key. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/health");

    private final ServerConfig config;
    private final List<ServerExtension> extensions;
    private final Clock clock;

    private Database database;
    private BlobStore blobs;
    private ServerContext context;
    private final List<ManagedComponent> started = new ArrayList<>();
    private HttpApi http;
    private String initialOwnerKey;
    private final HttpMetrics metrics = new HttpMetrics(ServerVersion.current());

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
            createOwnerOnlyFolder(config.dataDir());
            database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
            new MigrationRunner(database).migrate();
            Store store = Store.on(database, clock);
            ApiKeyService apiKeys = new ApiKeyService(store.apiKeys(), clock);
            initialOwnerKey = FirstStart.run(store, apiKeys, config.initialOwnerKeyPath()).orElse(null);
            blobs = config.blobStore().open();
            CredentialCipher secrets = CredentialCipher.fromSettingOrFile(config.credentialKey(),
                    config.dataDir().resolve(CredentialCipher.KEY_FILE));
            context = new ServerContext(config, database, store, blobs, clock, new ListeningPorts(config.sftpPort()),
                    secrets);

            List<RouteGroup> routeGroups = new ArrayList<>(coreRouteGroups(context, apiKeys));
            List<ManagedComponent> components = new ArrayList<>();
            Set<String> publicPaths = new HashSet<>(PUBLIC_PATHS);
            for (ServerExtension extension : extensions) {
                routeGroups.addAll(extension.routeGroups(context));
                components.addAll(extension.components(context));
                publicPaths.addAll(extension.publicPaths());
            }
            routeGroups.add(new OpenApiRoutes(routeGroups, ServerVersion.current()));
            for (ManagedComponent component : components) {
                component.start();
                started.add(component);
                LOG.atInfo().addKeyValue("component", component.name()).log("component started");
            }
            AuthFailureLimiter limiter = new AuthFailureLimiter(AuthFailureLimiter.DEFAULT_MAX_FAILURES,
                    AuthFailureLimiter.DEFAULT_WINDOW, clock);
            http = HttpApi.create(new ApiKeyAuthenticator(apiKeys, limiter, publicPaths), metrics, routeGroups)
                    .start(config.bind(), config.httpPort());
            LOG.atInfo().addKeyValue("bind", config.bind()).addKeyValue("httpPort", httpPort())
                    .addKeyValue("dataDir", config.dataDir()).addKeyValue("version", ServerVersion.current())
                    .log("server started");
            return this;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("The server failed to start: " + e.getMessage(), e);
        }
    }

    private List<RouteGroup> coreRouteGroups(ServerContext context, ApiKeyService apiKeys) {
        Store store = context.store();
        CampaignLookup lookup = new CampaignLookup(store.campaigns());
        return List.of(
                new HealthRoutes(context.database()),
                new MetricsRoutes(metrics),
                new CampaignRoutes(store.campaigns(), lookup),
                new MappingRoutes(store.fieldMappings(), lookup),
                new ApiKeyRoutes(apiKeys, store.apiKeys(), lookup),
                new SshKeyRoutes(store.sshKeys(), store.organisations(), lookup, context.config().bind(),
                        context.ports()),
                new AgentRoutes(store.agents(), lookup),
                new UserRoutes(store.users()));
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
        if (blobs != null) {
            try {
                blobs.close();
            } catch (Exception e) {
                LOG.atError().setCause(e).log("blob store failed to close");
            }
            blobs = null;
        }
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
        return running().port();
    }

    /** Every HTTP route the running server registered, as {@code "GET /api/v1/campaigns"}. */
    public List<String> httpOperations() {
        return running().operations();
    }

    /** The owner API key made by this start when the data folder was new; empty on later starts. */
    public Optional<String> initialOwnerKey() {
        return Optional.ofNullable(initialOwnerKey);
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

    private HttpApi running() {
        if (http == null) {
            throw new IllegalStateException("The server is not running.");
        }
        return http;
    }

    /** The data folder holds the database and keys; when Callport creates it, only its owner may enter it. */
    private static void createOwnerOnlyFolder(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
