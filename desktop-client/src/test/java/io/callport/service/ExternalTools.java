package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the programs keys are checked with, such as ssh-keygen and puttygen. */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Runs a command, asserts it succeeded, and returns what it printed. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + " said: " + output).isZero();
        return output;
    }

    public static int exitStatus(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    public static boolean installed(String tool) {
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The algorithm and key of an authorized_keys line, without its comment. */
    public static String withoutComment(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split(" ");
        return parts[0] + " " + parts[1];
    }
}
