package io.callport.cli;

import io.callport.service.upload.FileProgress;
import io.callport.service.upload.FileState;
import io.callport.service.upload.UploadPlan;
import io.callport.service.upload.UploadQueue;
import io.callport.service.upload.UploadSnapshot;
import io.callport.validate.Batch;
import io.callport.validate.BatchValidator;
import io.callport.validate.IssueCollector;
import io.callport.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upload", mixinStandardHelpOptions = true, description = {
        "Check a batch against the campaign's mapping and send it: recordings first, then the metadata.",
        "An upload cut short goes on where it stopped when run again; files already sent are not sent again.",
        "Exit status: 0 every file is on the server, 1 the check found errors (nothing was sent),",
        "2 usage error or unreadable input, 3 some files could not be sent."})
final class UploadCommand implements Callable<Integer> {

    @Mixin
    DestinationOptions destinationOptions;

    @Option(names = "--no-check", description = "Send without checking the batch against the campaign's mapping.")
    boolean noCheck;

    @Parameters(paramLabel = "FILES", arity = "1..*", description = "Recordings, metadata files, sidecars, zips or "
            + "folders.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Batch batch;
        try {
            batch = Batch.collect(files, List.of());
        } catch (NoSuchFileException e) {
            err.println("callport: cannot read " + e.getFile());
            return CallportCommand.USAGE;
        }
        Optional<Destination> resolved = destinationOptions.resolve(err);
        if (resolved.isEmpty()) {
            return CallportCommand.USAGE;
        }
        Destination destination = resolved.get();
        if (!noCheck) {
            if (destination.mapping().isEmpty()) {
                err.println("callport: " + destination.campaign().name() + " has no mapping on the server yet; "
                        + "the batch is sent unchecked.");
            } else {
                ValidationReport report = new BatchValidator(destination.mapping().get(), Clock.systemUTC())
                        .validate(batch, new IssueCollector(), bytes -> { });
                if (report.hasErrors()) {
                    ReportFormat.TEXT.print(report, out);
                    err.println("callport: the check found errors; nothing was sent.");
                    return CallportCommand.INVALID;
                }
            }
        }
        UploadPlan plan = UploadPlan.of(batch);
        plan.leftOut().forEach(file -> err.println("callport: " + file.getFileName() + " is not sent: it is neither "
                + "a recording, metadata, a sidecar nor a zip."));
        UploadQueue queue = destination.uploads().prepare(destination.profile(), destination.client(),
                destination.campaign().id(), plan);
        Thread stopOnInterrupt = new Thread(queue::cancel);
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        UploadSnapshot done;
        try {
            err.println("callport: sending " + plan.items().size() + " files to " + destination.describe());
            queue.start();
            done = UploadProgressLine.onStandardError().follow(queue);
        } finally {
            removeHook(stopOnInterrupt);
        }
        return summarise(done, out);
    }

    /** Prints the files not sent and a count, and returns the exit status. */
    static int summarise(UploadSnapshot done, PrintWriter out) {
        for (FileProgress file : done.files()) {
            if (!file.state().isAccepted()) {
                out.println(file.name() + ": not sent: " + (file.problem() != null ? file.problem()
                        : "the upload was stopped."));
            }
        }
        long sent = done.count(FileState.SENT);
        long before = done.count(FileState.SENT_BEFORE);
        long notSent = done.files().size() - sent - before;
        out.printf("%d files: %d sent, %d sent before, %d not sent%n", done.files().size(), sent, before, notSent);
        return notSent == 0 ? CallportCommand.OK : CallportCommand.NOT_SENT;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops the upload
        }
    }
}
