package io.callport.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MediaFormatTest {

    @Test
    void extensionsNameTheirContainer() {
        assertThat(MediaFormat.forExtension("m4a")).contains(MediaFormat.MP4);
        assertThat(MediaFormat.forExtension(".MP3")).contains(MediaFormat.MP3);
        assertThat(MediaFormat.forExtension("wmv")).contains(MediaFormat.ASF);
        assertThat(MediaFormat.forExtension("opus")).contains(MediaFormat.OGG);
        assertThat(MediaFormat.forExtension("aif")).contains(MediaFormat.AIFF);
        assertThat(MediaFormat.forExtension("mpeg")).contains(MediaFormat.MPEG_PS);
        assertThat(MediaFormat.forExtension("csv")).isEmpty();
    }

    @Test
    void everyExtensionBelongsToOneFormat() {
        long extensions = java.util.Arrays.stream(MediaFormat.values()).mapToLong(f -> f.extensions().size()).sum();
        long distinct = java.util.Arrays.stream(MediaFormat.values()).flatMap(f -> f.extensions().stream()).distinct()
                .count();

        assertThat(distinct).isEqualTo(extensions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.wav", "a.mp3", "a.mp4", "a.m4a", "a.mpg", "a.mpeg", "a.wma", "a.wmv", "a.webm",
            "a.aiff", "a.aif", "a.flac", "a.ogg", "a.opus", "a.gsm", "a.au", "a.arf", "2024/06/CALL-1.WAV",
            "batch.zip!/calls/c 1.Mp3"})
    void recordingsAreRecognisedByTheirExtension(String name) {
        assertThat(MediaProbe.looksLikeRecording(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calls.csv", "calls.zip", "call.wav.json", "call.xml", "wav", ".wav", "call.", "mp3/readme",
            "calls.mp3\\notes.txt"})
    void otherFilesAreNot(String name) {
        assertThat(MediaProbe.looksLikeRecording(name)).isFalse();
    }
}
