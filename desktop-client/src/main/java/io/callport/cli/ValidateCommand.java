package io.callport.cli;

import io.callport.mapping.FieldMapping;
import io.callport.mapping.InvalidMappingException;
import io.callport.mapping.MappingJson;
import io.callport.validate.Batch;
import io.callport.validate.BatchValidator;
import io.callport.validate.IssueCollector;
import io.callport.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = {
        "Check metadata files, sidecars, recordings and zips against a mapping, offline.",
        "Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input."})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--mapping", required = true, paramLabel = "M.json", description = "The campaign's mapping.")
    Path mappingFile;

    @Option(names = "--media", paramLabel = "DIR", description = "A folder with the batch's recordings.")
    List<Path> mediaDirs = List.of();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Report as lines for people (default) or as JSON for scripts.")
    ReportFormat format;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Metadata files, recordings, folders or zips.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        FieldMapping mapping;
        try {
            mapping = MappingJson.read(mappingFile);
        } catch (NoSuchFileException e) {
            err.println("callport: cannot read the mapping " + mappingFile);
            return CallportCommand.USAGE;
        } catch (InvalidMappingException e) {
            err.println("callport: the mapping cannot be used: " + e.getMessage());
            return CallportCommand.USAGE;
        }
        if (!mapping.problems().isEmpty()) {
            err.println("callport: the mapping cannot be used: " + String.join(" ", mapping.problems()));
            return CallportCommand.USAGE;
        }
        Batch batch;
        try {
            batch = Batch.collect(files, mediaDirs);
        } catch (NoSuchFileException e) {
            err.println("callport: cannot read " + e.getFile());
            return CallportCommand.USAGE;
        }
        ValidationReport report;
        try (TerminalProgress progress = TerminalProgress.onStandardError(batch)) {
            report = new BatchValidator(mapping, Clock.systemUTC()).validate(batch, new IssueCollector(), progress);
        }
        format.print(report, spec.commandLine().getOut());
        return report.hasErrors() ? CallportCommand.INVALID : CallportCommand.OK;
    }
}
