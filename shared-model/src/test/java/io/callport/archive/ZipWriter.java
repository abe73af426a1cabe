package io.callport.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Builds test zips with commons-compress, including entries no well-behaved tool would write. */
public final class ZipWriter implements Closeable {

    private final ZipArchiveOutputStream out;

    private ZipWriter(ZipArchiveOutputStream out) {
        this.out = out;
    }

    public static ZipWriter create(Path file) throws IOException {
        return new ZipWriter(new ZipArchiveOutputStream(file));
    }

    /**
     * A zip whose entry names are written as ISO-8859-1 bytes without the UTF-8 flag, so a name such as
     * {@code "bad\u00ff.wav"} puts the byte 0xFF in the zip: not valid UTF-8, as old tools and hostile ones write.
     */
    public static ZipWriter createWithLatin1Names(Path file) throws IOException {
        ZipArchiveOutputStream out = new ZipArchiveOutputStream(file);
        out.setEncoding(StandardCharsets.ISO_8859_1.name());
        out.setUseLanguageEncodingFlag(false);
        return new ZipWriter(out);
    }

    ZipArchiveOutputStream stream() {
        return out;
    }

    public ZipWriter add(String name, byte[] content) throws IOException {
        return add(name, content, entry -> { });
    }

    public ZipWriter add(String name, String content) throws IOException {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public ZipWriter stored(String name, byte[] content) throws IOException {
        return add(name, content, entry -> entry.setMethod(ZipArchiveEntry.STORED));
    }

    public ZipWriter add(String name, byte[] content, Consumer<ZipArchiveEntry> customise) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        customise.accept(entry);
        out.putArchiveEntry(entry);
        out.write(content);
        out.closeArchiveEntry();
        return this;
    }

    /** Zeros compress about a thousandfold: the stuff of zip bombs. */
    public ZipWriter zeros(String name, long length) throws IOException {
        byte[] block = new byte[64 * 1024];
        out.putArchiveEntry(new ZipArchiveEntry(name));
        for (long left = length; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
        out.closeArchiveEntry();
        return this;
    }

    ZipWriter directory(String name) throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        out.closeArchiveEntry();
        return this;
    }

    /**
     * Marks an entry as written on Unix. commons-compress turns backslashes into slashes in names it believes were
     * written on Windows, so a name that must keep its backslashes needs this.
     */
    public static void writtenOnUnix(ZipArchiveEntry entry) {
        entry.setUnixMode(0100644);
    }

    /** A Unix symbolic link as Info-ZIP stores it: mode 0120777, the target as content. */
    public ZipWriter symlink(String name, String target) throws IOException {
        return add(name, target.getBytes(StandardCharsets.UTF_8), entry -> entry.setUnixMode(0120777));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
