package io.callport.csv;

import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import java.util.List;

/**
 * What a sample metadata file looks like, for the mapping wizard and {@code callport detect}.
 *
 * @param dialect          the delimiter, quote, skipped rows, header and encoding that read it best
 * @param header           the column names (or "1", "2", ... without a header)
 * @param preview          the first rows after the header, cell by cell
 * @param suggestedMapping required fields matched to columns by their names, other columns as typed metadata
 * @param notes            what the detector was unsure about, for a person to confirm
 */
public record DetectedDialect(CsvDialect dialect, List<String> header, List<List<String>> preview,
                              FieldMapping suggestedMapping, List<String> notes) {
}
