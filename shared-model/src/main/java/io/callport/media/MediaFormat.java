package io.callport.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The containers Callport recognises by their content, each with the file extensions it usually carries. A
 * container may hold several codecs (a WAV file holds PCM, G.711 or GSM audio); {@link MediaInfo#codec()} names
 * the codec.
 */
public enum MediaFormat {
    WAV("WAV", "wav"),
    AIFF("AIFF", "aiff", "aif", "aifc"),
    AU("AU", "au", "snd"),
    GSM("raw GSM", "gsm"),
    MP3("MP3", "mp3", "mp2", "mpga"),
    MP4("MP4", "mp4", "m4a", "m4v", "mov", "3gp"),
    OGG("Ogg", "ogg", "oga", "opus", "spx", "ogv"),
    WEBM("WebM", "webm", "mkv", "mka"),
    FLAC("FLAC", "flac"),
    ASF("Windows Media", "wma", "wmv", "asf"),
    MPEG_PS("MPEG", "mpg", "mpeg"),
    /** Webex Advanced Recording Format: a proprietary container whose contents Callport cannot read. */
    ARF("Webex ARF", "arf");

    private final String displayName;
    private final List<String> extensions;

    MediaFormat(String displayName, String... extensions) {
        this.displayName = displayName;
        this.extensions = List.of(extensions);
    }

    /** The name an admin knows the format by, for messages. */
    public String displayName() {
        return displayName;
    }

    /** Lower-case extensions without the dot, the most usual first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The format a file extension (with or without the dot, any case) promises, if it names a recording. */
    public static Optional<MediaFormat> forExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        String bare = wanted.startsWith(".") ? wanted.substring(1) : wanted;
        for (MediaFormat format : values()) {
            if (format.extensions.contains(bare)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension promises, if any. */
    public static Optional<MediaFormat> forFileName(String fileName) {
        return extensionOf(fileName).flatMap(MediaFormat::forExtension);
    }

    /** The text after the last dot of the name's last path segment, if there is one. */
    static Optional<String> extensionOf(String fileName) {
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        return dot <= 0 || dot == last.length() - 1 ? Optional.empty() : Optional.of(last.substring(dot + 1));
    }
}
