package io.callport.archive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EntryPathTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "call.mp3             | RELATIVE  | call.mp3",
            "folder/call.mp3      | RELATIVE  | folder/call.mp3",
            "folder\\call.mp3     | RELATIVE  | folder/call.mp3",
            "./folder//call.mp3   | RELATIVE  | folder/call.mp3",
            "a/b/../call.mp3      | RELATIVE  | a/call.mp3",
            "a/../call.mp3        | RELATIVE  | call.mp3",
            "folder/              | DIRECTORY | null",
            "folder\\             | DIRECTORY | null",
            "../evil.csv          | ESCAPING  | null",
            "a/../../evil.csv     | ESCAPING  | null",
            "..\\evil.csv         | ESCAPING  | null",
            "a\\..\\..\\evil.csv  | ESCAPING  | null",
            "a/..                 | ESCAPING  | null",
            "/etc/passwd          | ABSOLUTE  | null",
            "\\etc\\passwd        | ABSOLUTE  | null",
            "C:\\Windows\\x.dll   | ABSOLUTE  | null",
            "c:/x.mp3             | ABSOLUTE  | null",
            "C:x.mp3              | ABSOLUTE  | null",
            "\\\\server\\share\\x | ABSOLUTE  | null",
    })
    void readsNamesAsEveryUnpackingToolWould(String rawName, EntryPath.Kind kind, String path) {
        assertThat(EntryPath.of(rawName)).isEqualTo(new EntryPath(kind, path));
    }

    @ParameterizedTest
    @CsvSource({
            "__MACOSX/folder/._call.mp3, true",
            ".DS_Store, true",
            "folder/.ds_store, true",
            "folder/Thumbs.db, true",
            "folder/THUMBS.DB, true",
            "folder/__MACOSX.mp3, false",
            "folder/call.mp3, false",
            "Thumbs.db.csv, false",
    })
    void recognisesFilesTheOperatingSystemAddedOnItsOwn(String rawName, boolean junk) {
        assertThat(EntryPath.of(rawName).isOsJunk()).isEqualTo(junk);
    }

    @ParameterizedTest
    @CsvSource({"call.mp3, call.mp3", "a/b/call.mp3, call.mp3", "a\\call.mp3, call.mp3"})
    void fileNameIsTheLastSegment(String rawName, String fileName) {
        assertThat(EntryPath.of(rawName).fileName()).isEqualTo(fileName);
    }
}
