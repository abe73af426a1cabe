package io.callport.installers;

import java.nio.file.Path;

/** What the installers profile tells its checks about the build (failsafe system properties). */
final class BuildOutput {
    private BuildOutput() {
    }

    /** The module's target folder, holding app-image/ and packages/. */
    static Path directory() {
        return Path.of(System.getProperty("installer.dir"));
    }

    /** The Maven version the jar was built with, which --version prints (0.1.0-SNAPSHOT). */
    static String uploaderVersion() {
        return System.getProperty("uploader.version");
    }

    /** The numeric version jpackage stamps on packages (0.1.0). */
    static String packageVersion() {
        return uploaderVersion().replaceFirst("^(\\d+\\.\\d+\\.\\d+).*$", "$1");
    }
}
