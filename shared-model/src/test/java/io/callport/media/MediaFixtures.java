package io.callport.media;

import io.callport.validate.IssueCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The media fixtures in test resources and what MANIFEST.csv says about each. */
final class MediaFixtures {

    /** MANIFEST.csv's container column, as Callport names the format. */
    private static final Map<String, MediaFormat> CONTAINERS = Map.ofEntries(
            Map.entry("wav", MediaFormat.WAV),
            Map.entry("raw gsm", MediaFormat.GSM),
            Map.entry("mp3", MediaFormat.MP3),
            Map.entry("mp4 (m4a)", MediaFormat.MP4),
            Map.entry("mp4", MediaFormat.MP4),
            Map.entry("ogg", MediaFormat.OGG),
            Map.entry("webm", MediaFormat.WEBM),
            Map.entry("flac", MediaFormat.FLAC),
            Map.entry("aiff", MediaFormat.AIFF),
            Map.entry("au", MediaFormat.AU),
            Map.entry("asf", MediaFormat.ASF),
            Map.entry("mpeg-ps", MediaFormat.MPEG_PS));

    /**
     * One MANIFEST row.
     *
     * @param audioCodec the audio codec in ffprobe's naming ("h264 video + aac" gives "aac")
     * @param verdict    the one issue expected, or null for a valid recording
     */
    record Row(String file, MediaFormat format, String audioCodec, boolean hasVideo, int channels, int sampleRateHz,
               Double durationSeconds, IssueCode verdict) {

        @Override
        public String toString() {
            return file;
        }
    }

    private MediaFixtures() {
    }

    static Path directory() {
        try {
            return Path.of(MediaFixtures.class.getResource("/fixtures/media/MANIFEST.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return directory().resolve(name);
    }

    static List<Row> manifest() {
        try {
            return Files.readAllLines(directory().resolve("MANIFEST.csv")).stream().skip(1)
                    .filter(line -> !line.isBlank())
                    .map(MediaFixtures::row)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last column (expected) is free text with commas of its own, so the line splits into at most 7. */
    private static Row row(String line) {
        String[] cells = line.split(",", 7);
        String codec = cells[2];
        String audioCodec = (codec.contains("+") ? codec.substring(codec.indexOf('+') + 1) : codec).strip()
                .split(" ")[0];
        return new Row(cells[0], CONTAINERS.get(cells[1]), audioCodec, codec.contains("video"),
                cells[3].isEmpty() ? 0 : Integer.parseInt(cells[3]),
                cells[4].isEmpty() ? 0 : Integer.parseInt(cells[4]),
                cells[5].isEmpty() ? null : Double.valueOf(cells[5]),
                verdict(cells[6]));
    }

    private static IssueCode verdict(String expected) {
        if (expected.startsWith("valid")) {
            return null;
        }
        if (expected.contains("empty")) {
            return IssueCode.MEDIA_EMPTY;
        }
        if (expected.contains("zero duration")) {
            return IssueCode.MEDIA_ZERO_DURATION;
        }
        if (expected.contains("truncated")) {
            return IssueCode.MEDIA_TRUNCATED;
        }
        if (expected.contains("not audio")) {
            return IssueCode.MEDIA_NOT_AUDIO;
        }
        if (expected.contains("extension does not match")) {
            return IssueCode.MEDIA_EXTENSION_MISMATCH;
        }
        throw new IllegalArgumentException("MANIFEST verdict not understood: " + expected);
    }
}
