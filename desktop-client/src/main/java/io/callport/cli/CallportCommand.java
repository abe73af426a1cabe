package io.callport.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The command line of callport-uploader.jar: one subcommand per task, exit status by the rules in the README. */
@Command(name = "callport", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = ScopeType.INHERIT, // every subcommand answers --help and --version too
        description = "Callport Uploader: check and send call recordings with their metadata.",
        subcommands = {ValidateCommand.class, DetectCommand.class, KeygenCommand.class, UploadCommand.class,
                WatchCommand.class, ProfileCommand.class})
public final class CallportCommand {
    /** No errors. */
    public static final int OK = 0;
    /** The input has errors. */
    public static final int INVALID = 1;
    /** The command was used wrongly or an input could not be read. */
    public static final int USAGE = 2;
    /** Some files could not be sent (refused by the server, or every try failed). */
    public static final int NOT_SENT = 3;

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line writing to the given streams, as tests and the GUI's embedded console need. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new CallportCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(exception -> USAGE)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("callport: " + exception.getMessage());
                    return USAGE;
                })
                .execute(args);
    }
}
