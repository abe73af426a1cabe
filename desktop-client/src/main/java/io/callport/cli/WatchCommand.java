package io.callport.cli;

import io.callport.service.upload.FileProgress;
import io.callport.service.watch.FolderUploader;
import io.callport.service.watch.FolderWatch;
import io.callport.validate.Issue;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true, description = {
        "Send the recordings and metadata that appear in a folder, for recorders that export on a schedule.",
        "A file is taken once it has stopped changing for the settle time; it is checked against the campaign's",
        "mapping and sent, recordings before the metadata that names them. Files sent before are never sent again.",
        "Runs until stopped (Ctrl-C). With --once it stops when nothing new is left, with exit status",
        "0 everything sent, 1 some files held back by the check, 3 some files could not be sent."})
final class WatchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The folder to watch, with its subfolders.")
    Path folder;

    @Mixin
    DestinationOptions destinationOptions;

    @Option(names = "--settle", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long a file must stay unchanged before it is taken (default 5).")
    long settleSeconds;

    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS",
            description = "How often the folder is looked at (default 2).")
    long intervalSeconds;

    @Option(names = "--once", description = "Stop when every file in the folder is sent or held back.")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("callport: " + folder + " is not a folder.");
            return CallportCommand.USAGE;
        }
        Optional<Destination> resolved = destinationOptions.resolve(err);
        if (resolved.isEmpty()) {
            return CallportCommand.USAGE;
        }
        Destination destination = resolved.get();
        if (destination.mapping().isEmpty()) {
            err.println("callport: " + destination.campaign().name() + " has no mapping on the server yet; files "
                    + "are sent unchecked.");
        }
        Clock clock = Clock.systemUTC();
        FolderUploader uploader = new FolderUploader(
                new FolderWatch(folder, Duration.ofSeconds(settleSeconds), clock), destination.uploads(),
                destination.profile(), destination.client(), destination.campaign().id(),
                destination.mapping().orElse(null), clock, new Printer(out));
        err.println("callport: watching " + folder + " for " + destination.describe());
        boolean refused = false;
        boolean notSent = false;
        while (true) {
            FolderUploader.Round round = uploader.round();
            refused |= round.refused() > 0;
            notSent |= round.notSent() > 0;
            if (once && round.idle()) {
                return notSent ? CallportCommand.NOT_SENT : refused ? CallportCommand.INVALID : CallportCommand.OK;
            }
            Thread.sleep(Duration.ofSeconds(intervalSeconds));
        }
    }

    /** One line per file, as it is settled. */
    private record Printer(PrintWriter out) implements FolderUploader.Listener {
        @Override
        public void sent(FileProgress file) {
            out.println("sent " + file.path());
        }

        @Override
        public void notSent(FileProgress file) {
            out.println("not sent " + file.path() + ": " + file.problem());
        }

        @Override
        public void refused(Path file, List<Issue> errors) {
            out.println("held back " + file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "; it is looked at again when it changes.");
            errors.stream().limit(5).forEach(issue -> out.println("  " + (issue.line() > 0 ? "line " + issue.line()
                    + ": " : "") + issue.code() + ": " + issue.message()));
        }

        @Override
        public void leftOut(Path file) {
            out.println("left out " + file + ": it is neither a recording, metadata, a sidecar nor a zip.");
        }
    }
}
