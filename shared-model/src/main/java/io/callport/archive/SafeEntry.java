package io.callport.archive;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/** An entry that passed the central directory checks, with what the reader is told about it. */
record SafeEntry(ZipArchiveEntry entry, ZipEntryInfo info) {
}
