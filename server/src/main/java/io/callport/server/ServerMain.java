package io.callport.server;

import io.callport.server.config.ConfigException;
import io.callport.server.config.ConfigLoader;
import io.callport.server.config.LaunchCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code java -jar callport-server.jar [options]}: starts the server until SIGTERM or Ctrl-C. */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(Arrays.asList(args), System.getenv(), System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** The one time the owner key is shown; stdout carries it, the logs on stderr never do. */
    private static void printInitialOwnerKey(PrintStream out, String key, CallportServer server) {
        out.println("Callport is running at http://" + server.config().bind() + ":" + server.httpPort() + "/");
        out.println("This is a new server. Its owner API key, shown only now, is:");
        out.println();
        out.println("    " + key);
        out.println();
        out.println("It is also in " + server.config().initialOwnerKeyPath()
                + " (readable by you only). Store it safely, then delete that file.");
        out.flush();
    }

    /** Starts the server and returns 0 with it running, or prints what went wrong and returns an exit code. */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        LaunchCommand command;
        try {
            command = ConfigLoader.load(args, env);
        } catch (ConfigException e) {
            err.println("callport-server: " + e.getMessage());
            return 2;
        }
        switch (command) {
            case LaunchCommand.ShowHelp ignored -> {
                out.print(ConfigLoader.usage());
                return 0;
            }
            case LaunchCommand.ShowVersion ignored -> {
                out.println("callport-server " + ServerVersion.current());
                return 0;
            }
            case LaunchCommand.Run run -> {
                CallportServer server = new CallportServer(run.config(), StandardExtensions.all());
                try {
                    server.start();
                } catch (RuntimeException e) {
                    err.println("callport-server: " + e.getMessage());
                    return 1;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "callport-shutdown"));
                server.initialOwnerKey().ifPresent(key -> printInitialOwnerKey(out, key, server));
                return 0;
            }
        }
    }
}
