package io.callport.validate;

import io.callport.mapping.ColumnReference;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.MetadataColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each column of a mapping sits in one file, found once from the file's header (or key names) so that rows
 * are checked by index.
 *
 * @param agentId          0-based index, -1 when missing
 * @param contactDate      0-based index, -1 when missing
 * @param contactReference 0-based index, -1 when missing
 * @param audioFilename    0-based index, -1 when missing or not mapped
 * @param metadata         the index of each metadata column, in mapping order, -1 when missing
 * @param missing          the mapped column references the file does not have
 */
record ColumnPlan(int agentId, int contactDate, int contactReference, int audioFilename, int[] metadata,
                  List<String> missing) {

    static ColumnPlan resolve(FieldMapping mapping, ColumnReference columns) {
        List<String> missing = new ArrayList<>();
        var fields = mapping.fields();
        int agentId = find(columns, fields.agentId(), missing);
        int contactDate = find(columns, fields.contactDate(), missing);
        int contactReference = find(columns, fields.contactReference(), missing);
        int audioFilename = fields.audioFilename() == null || fields.audioFilename().isBlank()
                ? -1 : find(columns, fields.audioFilename(), missing);
        List<MetadataColumn> metadataColumns = mapping.metadata();
        int[] metadata = new int[metadataColumns.size()];
        for (int i = 0; i < metadata.length; i++) {
            metadata[i] = find(columns, metadataColumns.get(i).column(), missing);
        }
        return new ColumnPlan(agentId, contactDate, contactReference, audioFilename, metadata, List.copyOf(missing));
    }

    private static int find(ColumnReference columns, String reference, List<String> missing) {
        int index = columns.indexOf(reference);
        if (index < 0) {
            missing.add(reference);
        }
        return index;
    }
}
