package io.callport.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * How a metadata file is written: the cell delimiter, the quote character, how many rows come before the header,
 * whether there is a header at all, and the text encoding.
 *
 * @param delimiter one character: {@code ,} {@code ;} a tab {@code |} or any other
 * @param quote     one character that encloses cells holding delimiters or line breaks
 * @param header    whether the first row after the skipped rows names the columns
 * @param skipRows  lines to skip before the header (or before the first row without a header)
 * @param encoding  a charset name: UTF-8 (a BOM is ignored), UTF-16 (with BOM), windows-1252, ...
 */
public record CsvDialect(String delimiter, String quote, Boolean header, int skipRows, String encoding) {

    public static final CsvDialect DEFAULT = new CsvDialect(",", "\"", Boolean.TRUE, 0, "UTF-8");

    public CsvDialect {
        delimiter = delimiter == null ? DEFAULT.delimiter : delimiter;
        quote = quote == null ? DEFAULT.quote : quote;
        encoding = encoding == null || encoding.isBlank() ? DEFAULT.encoding : encoding;
        header = header == null || header; // a dialect that does not say has a header, as the docs promise
        requireSingleCharacter("delimiter", delimiter);
        requireSingleCharacter("quote", quote);
        if (delimiter.equals(quote)) {
            throw new IllegalArgumentException("The delimiter and the quote must be different characters.");
        }
        if (skipRows < 0) {
            throw new IllegalArgumentException("skipRows cannot be negative: " + skipRows);
        }
        charsetOf(encoding);
    }

    @JsonIgnore
    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    @JsonIgnore
    public char quoteChar() {
        return quote.charAt(0);
    }

    @JsonIgnore
    public Charset charset() {
        return charsetOf(encoding);
    }

    public CsvDialect withDelimiter(String newDelimiter) {
        return new CsvDialect(newDelimiter, quote, header, skipRows, encoding);
    }

    public CsvDialect withQuote(String newQuote) {
        return new CsvDialect(delimiter, newQuote, header, skipRows, encoding);
    }

    public CsvDialect withHeader(boolean newHeader) {
        return new CsvDialect(delimiter, quote, newHeader, skipRows, encoding);
    }

    public CsvDialect withSkipRows(int newSkipRows) {
        return new CsvDialect(delimiter, quote, header, newSkipRows, encoding);
    }

    public CsvDialect withEncoding(String newEncoding) {
        return new CsvDialect(delimiter, quote, header, skipRows, newEncoding);
    }

    private static void requireSingleCharacter(String what, String value) {
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new IllegalArgumentException(
                    "The " + what + " must be exactly one character other than a line break, not '" + value + "'.");
        }
    }

    private static Charset charsetOf(String encoding) {
        try {
            return Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown encoding '" + encoding
                    + "'. Use UTF-8, UTF-16 or windows-1252, for example.", e);
        }
    }
}
