package io.callport.server.pull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A connector's staging folder. A file being fetched lives in {@code .partial/<path>@<size>-<time>.part}, named
 * after the version the server listed, so a later attempt resumes only bytes of that same version, even after a
 * restart; once whole it moves to {@code <path>}, where it waits to be handed over.
 */
final class Staging {
    private static final String PARTIAL = ".partial";
    private static final String VERSION = "@";

    private final Path root;

    Staging(Path root) {
        this.root = root;
    }

    /** A whole staged file and the hash of its bytes; {@code newBytes} were fetched by this attempt. */
    record Fetched(Path file, String sha256, long newBytes) {
    }

    /** Where the whole file waits to be handed over. */
    Path complete(String relativePath) {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root) || path.startsWith(root.resolve(PARTIAL))) {
            throw new IllegalStateException("Remote path " + relativePath + " leaves the staging folder");
        }
        return path;
    }

    /**
     * Fetches {@code file}, resuming after the bytes an earlier attempt left of this same version, and moves it into
     * place once whole. On failure the bytes in hand stay for the next attempt ({@link #partialBytes}); a server that
     * sends fewer bytes than it listed is {@link PullFailure#CONNECTION_LOST}, more is {@link PullFailure#FILE_CHANGED}.
     */
    Fetched fetch(PullSession session, RemoteFile file, boolean seenBefore) throws PullException, IOException {
        Path partial = partial(file);
        createFolder(partial.getParent());
        if (seenBefore) {
            deleteOtherVersions(partial);
        }
        long offset = Files.exists(partial) && Files.size(partial) <= file.size() ? Files.size(partial) : 0;
        MessageDigest digest = offset > 0 ? digestOf(partial) : newDigest();
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(partial,
                StandardOpenOption.CREATE, offset > 0 ? StandardOpenOption.APPEND
                        : StandardOpenOption.TRUNCATE_EXISTING)), digest)) {
            session.fetch(file, offset, out);
        }
        long have = Files.size(partial);
        if (have < file.size()) {
            throw new PullException(PullFailure.CONNECTION_LOST, "The server ended the transfer of " + file.path()
                    + " after " + have + " of " + file.size() + " bytes.");
        }
        if (have > file.size()) {
            Files.delete(partial);
            throw new PullException(PullFailure.FILE_CHANGED, "The server sent " + have + " bytes of " + file.path()
                    + ", listed with " + file.size() + ": it is still being written or was replaced. It is fetched "
                    + "again on the next run.");
        }
        // durable before it moves on: once handed over and recorded as delivered, this copy is the only one
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
        Path complete = complete(file.path());
        createFolder(complete.getParent());
        Files.move(partial, complete, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Fetched(complete, HexFormat.of().formatHex(digest.digest()), have - offset);
    }

    /** Bytes in hand of this version of the file, after a failed attempt. */
    long partialBytes(RemoteFile file) throws IOException {
        Path partial = partial(file);
        return Files.exists(partial) ? Files.size(partial) : 0;
    }

    static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(digestOf(file).digest());
    }

    private Path partial(RemoteFile file) {
        String version = file.size() + "-" + (file.modified() == null ? "unknown" : file.modified().toEpochMilli());
        return root.resolve(PARTIAL).resolve(file.path() + VERSION + version + ".part");
    }

    /** Bytes of an earlier version of a file seen before can never be resumed. */
    private static void deleteOtherVersions(Path keep) throws IOException {
        String name = keep.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf(VERSION) + 1);
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(keep.getParent(),
                path -> path.getFileName().toString().startsWith(prefix) && !path.equals(keep))) {
            for (Path version : versions) {
                Files.delete(version);
            }
        }
    }

    /** Creates the folder unless it exists; cheaper than asking every time for what is nearly always there. */
    private static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
    }

    private static MessageDigest digestOf(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
