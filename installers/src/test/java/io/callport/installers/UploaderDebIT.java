package io.callport.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb, checked without installing it: dpkg-deb unpacks it into a temporary folder and the Uploader runs from
 * there, with the runtime and launchers the package carries.
 */
@EnabledOnOs(OS.LINUX)
class UploaderDebIT {
    /** The installers issue's goal, in the MB (10^6 bytes) docs/benchmarks.md reports. */
    private static final long SIZE_GOAL_BYTES = 60_000_000L;
    private static final Path INSTALL_DIR = Path.of("opt/callport-uploader");

    @TempDir
    static Path unpacked;
    private static Path deb;
    private static AppImage installed;

    @BeforeAll
    static void unpack() throws Exception {
        try (Stream<Path> packages = Files.list(BuildOutput.directory().resolve("packages"))) {
            List<Path> debs = packages.filter(file -> file.toString().endsWith(".deb")).toList();
            assertThat(debs).hasSize(1);
            deb = debs.getFirst();
        }
        ProcessRun extract = ProcessRun.of(Path.of("dpkg-deb"), "-x", deb.toString(), unpacked.toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        installed = new AppImage(unpacked.resolve(INSTALL_DIR), "linux");
    }

    @Test
    void packagedLauncherPrintsTheBuildVersion() throws Exception {
        ProcessRun run = ProcessRun.of(installed.windowLauncher(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Callport Uploader " + BuildOutput.uploaderVersion());
    }

    @Test
    void packagedCommandLineExplainsValidate() throws Exception {
        ProcessRun run = ProcessRun.of(installed.commandLauncher(), "validate", "--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: callport validate").contains("--mapping=M.json", "--format");
    }

    @Test
    void packagedRuntimeValidatesAMacRomanExport(@TempDir Path batch) throws Exception {
        // MacRoman lives in jdk.charsets, which no class refers to: only a real run shows the runtime has it
        Path mapping = Files.writeString(batch.resolve("mapping.json"), """
                {"dialect": {"delimiter": ";", "quote": "\\"", "header": true, "skipRows": 0, "encoding": "x-MacRoman"},
                 "fields": {"agentId": "Agente", "contactDate": "Fecha", "contactReference": "Llamada"}}
                """);
        Path csv = Files.writeString(batch.resolve("llamadas.csv"), """
                Llamada;Agente;Fecha
                C1;ana@example.com;2026-11-03T04:35:00+01:00
                C2;ana@example.com;mañana
                """, Charset.forName("x-MacRoman"));

        ProcessRun run = ProcessRun.of(Map.of("LC_ALL", "C.UTF-8"), installed.commandLauncher(),
                "validate", "--mapping", mapping.toString(), "--format", "json", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"errors\":1", "\"code\":\"DATE_UNPARSABLE\"", "\"line\":3",
                "\"column\":\"Fecha\"", "\"value\":\"mañana\"");
    }

    @Test
    void controlFileNamesThePackageAndTheLibrariesJavaFxLoads() throws Exception {
        ProcessRun control = ProcessRun.of(Path.of("dpkg-deb"), "--field", deb.toString(),
                "Package", "Version", "Depends");

        assertThat(control.exitCode()).as(control.err()).isZero();
        assertThat(control.out()).contains("Package: callport-uploader", "Version: " + BuildOutput.packageVersion());
        String depends = control.out().lines().filter(line -> line.startsWith("Depends: ")).findFirst().orElseThrow();
        assertThat(depends).contains("libgtk-3-0", "libxtst6", "libxxf86vm1", "libgl1");
    }

    @Test
    void menuEntryOpensTheWindowOnly() throws Exception {
        List<Path> entries;
        try (Stream<Path> files = Files.list(installed.root().resolve("lib"))) {
            entries = files.filter(file -> file.toString().endsWith(".desktop")).toList();
        }

        assertThat(entries).hasSize(1);
        List<String> entry = Files.readAllLines(entries.getFirst());
        assertThat(entry).contains("Name=Callport Uploader", "Categories=Network;FileTransfer;",
                "Exec=\"/" + INSTALL_DIR + "/bin/Callport Uploader\"");
        String icon = entry.stream().filter(line -> line.startsWith("Icon=/")).findFirst().orElseThrow();
        assertThat(unpacked.resolve(icon.substring("Icon=/".length()))).isNotEmptyFile();
    }

    @Test
    void debStaysUnderTheSizeGoal() throws IOException {
        assertThat(Files.size(deb)).isLessThan(SIZE_GOAL_BYTES);
    }

    @Test
    void windowOpensOnJavaFxsHeadlessPlatform() throws Exception {
        // the JVM reads JAVA_TOOL_OPTIONS (a jpackage launcher ignores JDK_JAVA_OPTIONS); a missing module or
        // native library ends the program at once with a stack trace, a working window runs until it is closed
        Path log = Files.createTempFile(unpacked, "window", ".log");
        ProcessBuilder builder = new ProcessBuilder(installed.windowLauncher().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dglass.platform=Headless -Dprism.order=sw");
        builder.environment().remove("DISPLAY");
        Process window = builder.start();
        try {
            boolean ended = window.waitFor(15, TimeUnit.SECONDS);
            assertThat(ended).as("the window ended by itself: %s", Files.readString(log)).isFalse();
        } finally {
            window.destroyForcibly().waitFor();
        }
    }
}
