package io.callport.csv;

import java.io.Closeable;
import java.io.IOException;

/** A metadata file read row by row, in bounded memory whatever its size. */
public interface CsvRowSource extends Closeable {

    /** The next row, or null at the end. */
    CsvRow next() throws IOException, CsvSyntaxException;

    /** How many byte sequences read so far were not valid in the file's encoding (each became U+FFFD). */
    long malformedSequences();

    /** Whether a character is the replacement that stands for bytes that were not valid in the encoding. */
    static boolean isReplacement(int character) {
        return character == DecodingReader.REPLACEMENT;
    }
}
