package io.callport.media;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.Limits;
import io.callport.validate.Severity;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells what a recording is by its content (not its name) and reads its format, codec, channels, sample rate and
 * length from the container's headers, rejecting what cannot be taken in with {@code MEDIA_*} issues. It reads
 * headers and, where the format needs it, the tail; never the whole file when it need not, and never more than a
 * few hundred KB of buffers whatever the file's size. {@code docs/media-formats.md} lists the formats and verdicts.
 * Stateless and thread-safe.
 */
public final class MediaProbe {

    private static final long BYTES_PER_GB = 1024L * 1024 * 1024;
    private static final String RESEND_ADVICE =
            "It was probably not copied or uploaded completely; send the original again.";

    /** Probes a file on disk with random access: headers and, where needed, the tail. */
    public ProbeResult probe(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return probe(file.getFileName().toString(), new FileByteSource(channel));
        }
    }

    /**
     * Probes content that can be read only once, front to back, such as a zip entry: keeps a bounded head and
     * tail window and skips the rest. Reads only as far as the format needs (to the end for formats whose length
     * is in the tail); does not close the stream.
     *
     * @param displayName the name to report the file by (inside a zip: {@code archive.zip!/entry})
     * @param size        the content's length in bytes, as the zip entry states it
     */
    public ProbeResult probe(String displayName, long size, InputStream content) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("the size of " + displayName + " must be known, was " + size);
        }
        return probe(displayName, new StreamByteSource(content, size));
    }

    /** Whether a file's name marks it as a recording (wav, mp3, mp4, m4a, mpg, wma, webm, flac, ogg, gsm, au, ...). */
    public static boolean looksLikeRecording(String fileName) {
        return MediaFormat.forFileName(fileName).isPresent();
    }

    private ProbeResult probe(String name, ByteSource source) throws IOException {
        long size = source.size();
        if (size == 0) {
            return rejected(IssueCode.MEDIA_EMPTY, name, name + " is empty (0 bytes).");
        }
        if (size > Limits.MAX_MEDIA_BYTES) {
            return rejected(IssueCode.MEDIA_TOO_LARGE, name, String.format(Locale.ROOT,
                    "%s is %,d bytes (%.1f GB), more than the %d GB a recording may have.",
                    name, size, (double) size / BYTES_PER_GB, Limits.MAX_MEDIA_BYTES / BYTES_PER_GB));
        }
        long contentStart = ContentSniffer.contentStart(source);
        if (contentStart > size) {
            return rejected(IssueCode.MEDIA_TRUNCATED, name, String.format(Locale.ROOT,
                    "%s is cut off inside its ID3 tag, which declares %,d bytes while the file has %,d. %s",
                    name, contentStart, size, RESEND_ADVICE));
        }
        byte[] head = source.readAt(contentStart, ContentSniffer.SNIFF_BYTES);
        ContainerReader reader = ContentSniffer.readerFor(head);
        if (reader == null) {
            return head.length == 0
                    ? rejected(IssueCode.MEDIA_ZERO_DURATION, name, name + " holds only an MP3 tag (ID3) and no audio.")
                    : rejected(IssueCode.MEDIA_NOT_AUDIO, name,
                    name + " contains " + NonMediaContent.describe(head) + ", not audio or video.");
        }
        source.seek(contentStart);
        return read(name, source, reader);
    }

    private static ProbeResult read(String name, ByteSource source, ContainerReader reader) throws IOException {
        List<Issue> issues = new ArrayList<>();
        MediaInfo info = null;
        try {
            Reading reading = reader.read(source);
            info = reading.info();
            requireChannelsAndRate(info);
            if (reading.truncation() != null) {
                issues.add(truncated(name, reading.truncation()));
            }
            if (info.durationKnown() && info.duration().isZero()) {
                issues.add(Issue.ofFile(IssueCode.MEDIA_ZERO_DURATION, name, name + " is a "
                        + info.format().displayName() + " file (" + info.describeAudio()
                        + ") with no audio in it (0 seconds)."));
            }
        } catch (EOFException e) {
            issues.add(Issue.ofFile(IssueCode.MEDIA_TRUNCATED, name, String.format(Locale.ROOT,
                    "%s is cut off inside its %s header: the file ends after %,d bytes. %s",
                    name, reader.format().displayName(), source.size(), RESEND_ADVICE)));
        } catch (MediaFault fault) {
            issues.add(Issue.ofFile(fault.code(), name, name + " " + fault.detail() + "."
                    + (fault.code() == IssueCode.MEDIA_TRUNCATED ? " " + RESEND_ADVICE : "")));
        }
        extensionMismatch(name, reader.format(), info).ifPresent(issue -> issues.add(0, issue));
        boolean usable = issues.stream().noneMatch(Issue::isError);
        return new ProbeResult(usable ? info : null, issues);
    }

    /** Every readable container states them; zero means the header is damaged (ARF's are simply unknown). */
    private static void requireChannelsAndRate(MediaInfo info) throws MediaFault {
        if (info.durationKnown() && (info.channels() <= 0 || info.sampleRateHz() <= 0)) {
            throw MediaFault.damaged("has a damaged " + info.format().displayName() + " header: it states "
                    + info.channels() + " channels at " + info.sampleRateHz() + " Hz");
        }
    }

    private static Issue truncated(String name, Truncation truncation) {
        String consequence = truncation.severity() == Severity.ERROR ? " " + RESEND_ADVICE
                : " Everything before it plays, so the recording is taken in.";
        return new Issue(IssueCode.MEDIA_TRUNCATED, truncation.severity(), name, 0, null, null,
                name + " " + truncation.detail() + "." + consequence);
    }

    /** A warning when the name's extension promises another container than the content is. */
    private static Optional<Issue> extensionMismatch(String name, MediaFormat found, MediaInfo info) {
        return MediaFormat.extensionOf(name)
                .filter(extension -> MediaFormat.forExtension(extension).stream().anyMatch(claimed -> claimed != found))
                .map(extension -> {
                    String kind = info == null ? "data" : info.hasVideo() ? "video" : "audio";
                    return Issue.ofFile(IssueCode.MEDIA_EXTENSION_MISMATCH, name, name + " contains "
                            + found.displayName() + " " + kind + ", not " + extension.toUpperCase(Locale.ROOT) + ".");
                });
    }

    private static ProbeResult rejected(IssueCode code, String name, String message) {
        return new ProbeResult(null, List.of(Issue.ofFile(code, name, message)));
    }
}
