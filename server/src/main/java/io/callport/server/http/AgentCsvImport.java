package io.callport.server.http;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.callport.server.store.AgentDraft;
import io.callport.server.store.AgentRepository;
import io.callport.server.store.DuplicateException;
import io.callport.server.store.EmailAddresses;
import io.callport.validate.Issue;
import io.callport.validate.IssueCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports agent mappings from a CSV with the header {@code external_id,email,name,team} (any order; name and one
 * of external_id or email required). Rows are saved one by one as they stream in; a row that cannot be saved is
 * reported with its line number and the rest carry on.
 */
final class AgentCsvImport {
    static final String FILE_NAME = "agents.csv";
    /** Reports list this many problems at most; the count covers them all. */
    static final int MAX_REPORTED_ERRORS = 1000;
    private static final Set<String> COLUMNS = Set.of("external_id", "email", "name", "team");

    private final AgentRepository agents;
    private final String orgId;
    private int created;
    private int updated;
    private int errorCount;
    private final List<Issue> errors = new ArrayList<>();

    /** What an import did: agents created and updated, and every row it could not take. */
    public record Result(int created, int updated, int errorCount, List<Issue> errors) {
    }

    private AgentCsvImport(AgentRepository agents, String orgId) {
        this.agents = agents;
        this.orgId = orgId;
    }

    static Result run(InputStream csv, AgentRepository agents, String orgId) {
        return new AgentCsvImport(agents, orgId).read(csv);
    }

    private Result read(InputStream csv) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).allowMissingFields(true)
                .allowExtraFields(true).ofCsvRecord(csv, StandardCharsets.UTF_8);
             CloseableIterator<CsvRecord> records = reader.iterator()) {
            if (!records.hasNext()) {
                throw ApiException.badRequest("The agent file is empty; its first line must be the header "
                        + "external_id,email,name,team.");
            }
            Map<String, Integer> header = header(records.next());
            while (records.hasNext()) {
                importRow(records.next(), header);
            }
        } catch (CsvParseException e) {
            if (ErrorMapping.cause(e, BodyTooLargeException.class) != null) {
                throw e;
            }
            error(Issue.ofFile(IssueCode.QUOTE_UNCLOSED, FILE_NAME, "The file could not be read to the end: "
                    + e.getMessage() + " Rows before this point were imported."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(created, updated, errorCount, List.copyOf(errors));
    }

    private static Map<String, Integer> header(CsvRecord record) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw ApiException.badRequest("The agent file's header has the column '" + record.getField(i)
                        + "', which is not one of external_id, email, name, team.");
            }
            if (header.put(name, i) != null) {
                throw ApiException.badRequest("The agent file's header has the column " + name + " twice.");
            }
        }
        if (!header.containsKey("name") || (!header.containsKey("external_id") && !header.containsKey("email"))) {
            throw ApiException.badRequest("The agent file's header must have a name column and an external_id or "
                    + "email column; it has: " + String.join(", ", record.getFields()) + ".");
        }
        return header;
    }

    private void importRow(CsvRecord record, Map<String, Integer> header) {
        long line = record.getStartingLineNumber();
        if (record.getFieldCount() != header.size()) {
            boolean tooFew = record.getFieldCount() < header.size();
            error(Issue.ofCell(tooFew ? IssueCode.ROW_TOO_FEW_CELLS : IssueCode.ROW_TOO_MANY_CELLS, FILE_NAME, line,
                    null, null, "Line " + line + " has " + record.getFieldCount() + " cells but the header has "
                            + header.size() + "."));
            return;
        }
        String externalId = cell(record, header, "external_id");
        String email = cell(record, header, "email");
        String name = cell(record, header, "name");
        if (name.isBlank()) {
            error(Issue.ofCell(IssueCode.VALUE_REQUIRED, FILE_NAME, line, "name", null,
                    "Line " + line + " has no agent name."));
        } else if (externalId.isBlank() && email.isBlank()) {
            error(Issue.ofCell(IssueCode.VALUE_REQUIRED, FILE_NAME, line, header.containsKey("external_id")
                    ? "external_id" : "email", null, "Line " + line + " has neither an external id nor an email, "
                    + "so no call could name this agent."));
        } else if (!email.isBlank() && !EmailAddresses.isPlausible(email)) {
            error(Issue.ofCell(IssueCode.VALUE_INVALID, FILE_NAME, line, "email", email,
                    "Line " + line + ": '" + email + "' is not an email address."));
        } else {
            save(line, email, new AgentDraft(externalId, email, name, cell(record, header, "team")));
        }
    }

    private void save(long line, String email, AgentDraft draft) {
        try {
            if (agents.save(orgId, draft).created()) {
                created++;
            } else {
                updated++;
            }
        } catch (DuplicateException e) {
            error(Issue.ofCell(IssueCode.VALUE_INVALID, FILE_NAME, line, "email", email,
                    "Line " + line + ": " + e.getMessage()));
        }
    }

    private static String cell(CsvRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null ? "" : record.getField(index);
    }

    private void error(Issue issue) {
        errorCount++;
        if (errors.size() < MAX_REPORTED_ERRORS) {
            errors.add(issue);
        }
    }
}
