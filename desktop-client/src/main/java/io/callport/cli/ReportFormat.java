package io.callport.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a validation report is printed. */
enum ReportFormat {
    /** One line per issue, shaped like a compiler's so editors can jump to file:line. */
    TEXT {
        @Override
        void print(ValidationReport report, PrintWriter out) {
            for (Issue issue : report.issues()) {
                StringBuilder line = new StringBuilder(issue.file());
                if (issue.line() > 0) {
                    line.append(':').append(issue.line());
                }
                if (issue.column() != null) {
                    line.append(" [").append(issue.column()).append(']');
                }
                line.append(": ").append(issue.severity().label()).append(' ').append(issue.code()).append(": ")
                        .append(issue.message());
                out.println(line);
            }
            out.printf("%d errors, %d warnings, %d notes%s%n", report.errors(), report.warnings(), report.infos(),
                    report.omitted() > 0 ? " (" + report.omitted() + " more not listed)" : "");
        }
    },
    JSON {
        @Override
        void print(ValidationReport report, PrintWriter out) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("errors", report.errors());
            document.put("warnings", report.warnings());
            document.put("infos", report.infos());
            document.put("omitted", report.omitted());
            document.put("issues", report.issues().stream().map(ReportFormat::fieldsOf).toList());
            try {
                out.println(JSON_MAPPER.writeValueAsString(document));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

    abstract void print(ValidationReport report, PrintWriter out);

    /** The documented keys of an issue, in the documented order. */
    private static Map<String, Object> fieldsOf(Issue issue) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", issue.code().name());
        fields.put("severity", issue.severity().label());
        fields.put("file", issue.file());
        fields.put("line", issue.line());
        fields.put("column", issue.column());
        fields.put("value", issue.value());
        fields.put("message", issue.message());
        return fields;
    }
}
