package io.callport.server.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"call.wav.filepart", "call.wav.PART", "calls.csv.a1b2c3.partial", ".in.call.wav",
            "call.wav~", "upload.tmp", ".hidden"})
    void temporaryNames(String name) {
        assertThat(FileNames.isTemporary(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call.wav", "20171012-140253_joe_baducci.xml", "participant.csv", "batch.zip"})
    void finalNames(String name) {
        assertThat(FileNames.isTemporary(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "tab\there", "nul\u0000"})
    void unsafeSegments(String name) {
        assertThat(FileNames.isSingleSegment(name)).isFalse();
    }

    @Test
    void uploadNameKeepsOnlyTheLastSegment() {
        assertThat(FileNames.requireUploadName("C:\\Users\\ann\\call 1.wav")).isEqualTo("call 1.wav");
        assertThat(FileNames.requireUploadName("../../call.wav")).isEqualTo("call.wav");
        assertThatThrownBy(() -> FileNames.requireUploadName("dir/"))
                .hasMessage("The file name \"dir/\" cannot be used; send a plain file name such as call-0001.wav.");
        assertThatThrownBy(() -> FileNames.requireUploadName(".profile"))
                .hasMessageStartingWith("The file name \".profile\" looks like a temporary file");
    }

    @ParameterizedTest
    @CsvSource({"call.wav,RECORDING", "call.MP3,RECORDING", "noextension,RECORDING", "batch.zip,ZIP",
            "batch.zip.filepart,ZIP", "calls.csv.zip,ZIP", "calls.CSV,METADATA", "call.json,METADATA",
            "call.xml.part,METADATA", "zip,RECORDING"})
    void kindFollowsTheRightMostKnownExtension(String name, FileKind kind) {
        assertThat(FileKind.of(name)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"0,0 bytes", "1,1 byte", "1023,1023 bytes", "1024,1 KB", "1536,1.5 KB", "2147483648,2 GB",
            "3221225472,3 GB", "1073741824,1 GB"})
    void sizesReadLikePeopleWriteThem(long bytes, String text) {
        assertThat(ByteSizes.format(bytes)).isEqualTo(text);
    }

    @Test
    void campaignFolderNamesCannotHideOrClimb() {
        assertThatThrownBy(() -> new CampaignFolder("acme", ".incoming")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignFolder("..", "sales")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CampaignFolder("acme", "a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
