package io.callport.installers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The JDK modules a jar's classes refer to, as jdeps finds them. */
final class ModulesUsed {
    private ModulesUsed() {
    }

    static Set<String> by(Path jar, Path workDir) throws IOException {
        // the shaded jar keeps its libraries' module-info.class files under META-INF/versions; with them jdeps would
        // treat the whole jar as one module and stop at its first missing requirement
        Path classesOnly = withoutModuleDescriptors(jar, workDir.resolve("classes-only.jar"));
        StringWriter out = new StringWriter();
        int status = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "--ignore-missing-deps", "--multi-release", String.valueOf(Runtime.version().feature()),
                "--print-module-deps", classesOnly.toString());
        if (status != 0) {
            throw new AssertionError("jdeps failed on " + jar + ": " + out);
        }
        return Arrays.stream(out.toString().strip().split(",")).collect(Collectors.toSet());
    }

    private static Path withoutModuleDescriptors(Path jar, Path copy) throws IOException {
        try (JarFile source = new JarFile(jar.toFile());
             ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(copy))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith("module-info.class")) {
                    continue;
                }
                target.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = source.getInputStream(entry)) {
                    content.transferTo(target);
                }
                target.closeEntry();
            }
        }
        return copy;
    }
}
