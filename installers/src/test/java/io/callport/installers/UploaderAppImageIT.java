package io.callport.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application image jpackage made on this OS: launchers that start, and a runtime that is trimmed but whole. */
class UploaderAppImageIT {
    private final AppImage image = AppImage.built();

    @Test
    void commandLauncherPrintsTheBuildVersion() throws Exception {
        ProcessRun run = ProcessRun.of(image.commandLauncher(), "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("Callport Uploader " + BuildOutput.uploaderVersion());
    }

    @Test
    void runtimeHoldsEveryModuleTheUploaderUses(@TempDir Path work) throws Exception {
        Set<String> used = ModulesUsed.by(image.jar(), work);

        assertThat(used).contains("java.base");
        assertThat(image.runtimeModules())
                .as("a module the jar needs is missing from runtime.args")
                .containsAll(used);
    }

    @Test
    void runtimeLeavesOutMostOfTheJdk() throws Exception {
        int jdkModules = ModuleFinder.ofSystem().findAll().size();

        assertThat(image.runtimeModules()).hasSizeLessThan(jdkModules / 3)
                .doesNotContain("jdk.compiler", "jdk.localedata", "java.management");
    }
}
