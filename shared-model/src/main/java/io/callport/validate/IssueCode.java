package io.callport.validate;

/**
 * The stable codes of everything Callport rejects or warns about. The same codes appear in the command line,
 * the Uploader, the API and the server's failed-rows report; {@code docs/validation-codes.md} explains each.
 * Never rename or reuse a code: customers script against them.
 */
public enum IssueCode {
    // reading a metadata file
    FILE_UNREADABLE(Severity.ERROR, "The file cannot be opened or read."),
    FILE_EMPTY(Severity.ERROR, "The file has no rows."),
    ENCODING_INVALID(Severity.ERROR, "The file has bytes that are not valid in its declared encoding."),
    HEADER_BLANK(Severity.ERROR, "A header cell is empty."),
    HEADER_DUPLICATE(Severity.ERROR, "Two header cells have the same name."),
    COLUMN_MISSING(Severity.ERROR, "A column the mapping uses is not in the file."),
    ROW_TOO_FEW_CELLS(Severity.ERROR, "A row has fewer cells than the header."),
    ROW_TOO_MANY_CELLS(Severity.ERROR, "A row has more cells than the header."),
    QUOTE_UNCLOSED(Severity.ERROR, "A quoted cell is never closed, so the rest of the file would be read as one cell."),
    CELL_TOO_LONG(Severity.ERROR, "A cell is longer than any real metadata value (over a million characters)."),
    FILE_SPLIT(Severity.INFO, "The file has more rows than the server processes at once; it will be split."),
    // values in a row
    VALUE_REQUIRED(Severity.ERROR, "A required value is empty."),
    DATE_UNPARSABLE(Severity.ERROR, "A date does not match the mapping's date format."),
    DATE_IN_FUTURE(Severity.ERROR, "A contact date lies in the future."),
    VALUE_INVALID(Severity.ERROR, "A value does not match the type of its metadata column."),
    VALUE_UNMAPPED(Severity.WARNING, "A value has no label in the column's value map."),
    REFERENCE_DUPLICATE(Severity.ERROR, "The same contact reference appears twice in the file."),
    FORMULA_INJECTION(Severity.WARNING, "A cell starts with a character that spreadsheets run as a formula."),
    AGENT_UNMAPPED(Severity.ERROR, "The agent a call names has no agent mapping, and the campaign does not create agents."),
    // the batch
    AUDIO_NOT_IN_BATCH(Severity.ERROR, "A row names a recording that is not in the batch."),
    RECORDING_UNREFERENCED(Severity.WARNING, "A recording in the batch is not named by any row."),
    FILE_TYPE_UNKNOWN(Severity.WARNING, "A file in the batch is neither a recording, a metadata file nor a zip."),
    FILE_DUPLICATE(Severity.ERROR, "The campaign already received a file of this name or content."),
    REFERENCE_UPDATE_TOO_LATE(Severity.ERROR, "A call's metadata was sent again more than 48 hours after the call."),
    CALL_NOT_FOUND(Severity.ERROR, "Metadata without a recording names a call that was never received."),
    FILE_NAME_INVALID(Severity.ERROR, "A file's name has a control character, a folder separator or bytes that are not text."),
    // recordings
    MEDIA_EMPTY(Severity.ERROR, "The recording is empty (0 bytes)."),
    MEDIA_ZERO_DURATION(Severity.ERROR, "The recording has no audio (zero duration)."),
    MEDIA_TRUNCATED(Severity.ERROR, "The recording ends before its own header says it should."),
    MEDIA_NOT_AUDIO(Severity.ERROR, "The file is not an audio or video recording."),
    MEDIA_EXTENSION_MISMATCH(Severity.WARNING, "The file name's extension does not match what the file contains."),
    MEDIA_TOO_LARGE(Severity.ERROR, "The recording is larger than the 2 GB limit."),
    MEDIA_CORRUPT(Severity.ERROR, "The recording's header is damaged, so its format or length cannot be read."),
    // file-name conventions
    FILENAME_AMBIGUOUS(Severity.ERROR, "The file name has more separators than the convention, so it cannot be split without guessing."),
    FILENAME_TOO_FEW_PARTS(Severity.ERROR, "The file name has fewer parts than the convention."),
    FILENAME_VALUE_INVALID(Severity.ERROR, "A part of the file name does not fit its place in the convention."),
    // sidecar metadata files
    SIDECAR_MALFORMED(Severity.ERROR, "The sidecar metadata file is not well-formed JSON or XML."),
    SIDECAR_NESTED(Severity.ERROR, "The sidecar has nested fields; only flat fields are read."),
    SIDECAR_FORBIDDEN_CONSTRUCT(Severity.ERROR, "The XML sidecar declares a DTD or entities, which are refused for safety."),
    SIDECAR_ORPHAN(Severity.WARNING, "A sidecar has no recording of the same name in the batch."),
    // zip archives
    ZIP_UNREADABLE(Severity.ERROR, "The zip file is damaged or not a zip."),
    ZIP_TOO_LARGE(Severity.ERROR, "The zip file is larger than the 3 GB limit."),
    ZIP_EXPANDED_TOO_LARGE(Severity.ERROR, "The zip's contents expand to more than the allowed total size."),
    ZIP_PATH_ESCAPE(Severity.ERROR, "A zip entry's path leads outside the folder it is unpacked into."),
    ZIP_ABSOLUTE_PATH(Severity.ERROR, "A zip entry has an absolute path."),
    ZIP_LINK(Severity.ERROR, "A zip entry is a symbolic or hard link."),
    ZIP_ENCRYPTED(Severity.ERROR, "A zip entry is encrypted and cannot be read."),
    ZIP_SIZE_MISMATCH(Severity.ERROR, "A zip entry's real size differs from the size the zip declares."),
    ZIP_DUPLICATE_ENTRY(Severity.ERROR, "Two zip entries have the same name."),
    // the mapping itself
    MAPPING_INVALID(Severity.ERROR, "The mapping is incomplete or contradicts itself.");

    private final Severity severity;
    private final String summary;

    IssueCode(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    public Severity severity() {
        return severity;
    }

    /** One sentence for the code's documentation; an issue's own message says what exactly was wrong. */
    public String summary() {
        return summary;
    }
}
