package io.callport.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where jpackage puts the Uploader's launchers, jar and runtime inside an application image, which differs by OS.
 * Linux also uses it for the tree a .deb unpacks to under /opt/callport-uploader.
 */
record AppImage(Path root, String os) {
    static final String NAME = "Callport Uploader";

    /** The image this build made for the OS it runs on (target/app-image). */
    static AppImage built() {
        String os = System.getProperty("installer.os");
        Path dir = BuildOutput.directory().resolve("app-image");
        return new AppImage(dir.resolve(os.equals("mac") ? NAME + ".app" : NAME), os);
    }

    /** The window launcher: no arguments opens the Uploader, a subcommand runs its command line. */
    Path windowLauncher() {
        return launcher(NAME);
    }

    /** The command-line launcher (a console program on Windows). */
    Path commandLauncher() {
        return launcher("callport");
    }

    Path jar() {
        return switch (os) {
            case "windows" -> root.resolve("app/callport-uploader.jar");
            case "mac" -> root.resolve("Contents/app/callport-uploader.jar");
            default -> root.resolve("lib/app/callport-uploader.jar");
        };
    }

    /** The modules the bundled runtime holds, from its release file. */
    Set<String> runtimeModules() throws IOException {
        Path runtime = switch (os) {
            case "windows" -> root.resolve("runtime");
            case "mac" -> root.resolve("Contents/runtime/Contents/Home");
            default -> root.resolve("lib/runtime");
        };
        String modules = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(line -> line.startsWith("MODULES="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The runtime's release file lists no modules."));
        return Arrays.stream(modules.substring("MODULES=".length()).replace("\"", "").split(" "))
                .collect(Collectors.toSet());
    }

    private Path launcher(String name) {
        return switch (os) {
            case "windows" -> root.resolve(name + ".exe");
            case "mac" -> root.resolve("Contents/MacOS/" + name);
            default -> root.resolve("bin/" + name);
        };
    }
}
