package io.callport.server.pull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Helpers for laying out a customer's folder and reading back what a session fetched. */
final class RemoteFiles {
    /** Old enough to be past any quiet period. */
    static final Instant WRITTEN = Instant.parse("2026-02-11T08:00:17Z");

    private RemoteFiles() {
    }

    static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.from(WRITTEN));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fetch(PullSession session, RemoteFile file, long offset) throws PullException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        session.fetch(file, offset, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
