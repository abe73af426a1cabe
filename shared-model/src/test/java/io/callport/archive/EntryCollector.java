package io.callport.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reader that keeps what each entry delivered, or the exception its stream threw. */
final class EntryCollector implements SafeZip.EntryReader {

    final List<String> calls = new ArrayList<>();
    final Map<String, byte[]> contents = new LinkedHashMap<>();
    final Map<String, IOException> failures = new LinkedHashMap<>();

    @Override
    public void read(ZipEntryInfo entry, InputStream content) {
        calls.add(entry.path());
        try {
            contents.put(entry.path(), content.readAllBytes());
        } catch (IOException e) {
            failures.put(entry.path(), e);
        }
    }

    String text(String path) {
        return new String(contents.get(path), StandardCharsets.UTF_8);
    }
}
