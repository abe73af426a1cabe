package io.callport.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import io.callport.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesOneQuotedRowPerIssueThatASpreadsheetWillNotRun() throws IOException {
        ValidationReport report = new ValidationReport(List.of(
                Issue.ofCell(IssueCode.FORMULA_INJECTION, "calls.csv", 5, "queue", "=cmd|' /C calc'!A0",
                        "The value starts with '='."),
                Issue.ofCell(IssueCode.DATE_UNPARSABLE, "calls.csv", 3, "date", "-12", "Not a date, \"really\"."),
                Issue.ofFile(IssueCode.FILE_TYPE_UNKNOWN, "notes.docx", "notes.docx will be ignored.")), 1, 2, 0, 0);
        Path file = dir.resolve("report.csv");

        new ReportCsv().write(report, file);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "\uFEFFseverity,code,file,line,column,value,message",
                "warning,FORMULA_INJECTION,calls.csv,5,queue,'=cmd|' /C calc'!A0,The value starts with '='.",
                "error,DATE_UNPARSABLE,calls.csv,3,date,'-12,\"Not a date, \"\"really\"\".\"",
                "warning,FILE_TYPE_UNKNOWN,notes.docx,,,,notes.docx will be ignored.");
    }
}
