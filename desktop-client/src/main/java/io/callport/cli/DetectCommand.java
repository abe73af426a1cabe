package io.callport.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.callport.csv.DetectedDialect;
import io.callport.csv.DialectDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", description = "Print the dialect of a sample CSV and a suggested mapping, as JSON.")
final class DetectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(paramLabel = "FILE.csv", description = "A sample of the metadata files the recorder exports.")
    Path sample;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(sample)) {
            spec.commandLine().getErr().println("callport: cannot read " + sample);
            return CallportCommand.USAGE;
        }
        DetectedDialect detected = new DialectDetector().detect(sample);
        spec.commandLine().getOut().println(JSON.writeValueAsString(detected));
        return CallportCommand.OK;
    }
}
