package io.callport.csv;

import io.callport.mapping.ContactDateFormat;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a mapping from a sample's header names ("Agent Email", "agent_id", "Call Start (UTC)") and values,
 * so the admin confirms rather than builds it. Columns not used by a required field become metadata with a
 * readable name and a type guessed from the preview.
 */
final class MappingSuggester {
    /** Normalised header names for each required field, best first. */
    private static final Map<String, List<String>> NAMES = Map.of(
            "agentId", List.of("agentemail", "agentid", "agent", "email", "useremail", "repemail", "advisoremail",
                    "employeeid", "userid", "agentname", "extension", "uid"),
            "contactDate", List.of("contactdate", "callstart", "callstartutc", "starttime", "calldate", "datetime",
                    "date", "calltime", "timestamp", "startdate", "callstarttime", "createdat"),
            "contactReference", List.of("conversationid", "callid", "contactid", "interactionid", "contactreference",
                    "reference", "uniqueid", "uuid", "recordingid", "id"),
            "audioFilename", List.of("audiofilename", "filename", "recording", "recordingfile", "recordingname",
                    "audiofile", "audio", "file", "mediafile"));
    private static final List<String> DATE_PATTERNS = List.of("dd/MM/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm", "dd.MM.yyyy HH:mm:ss",
            "yyyy/MM/dd HH:mm:ss", "dd-MM-yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd");

    private MappingSuggester() {
    }

    static FieldMapping suggest(CsvDialect dialect, List<String> header, List<List<String>> preview,
                                List<String> notes) {
        Set<Integer> used = new HashSet<>();
        String agentId = pick("agentId", header, used);
        String contactDate = pick("contactDate", header, used);
        String contactReference = pick("contactReference", header, used);
        String audioFilename = pick("audioFilename", header, used);
        for (var field : new String[][] {{"agent", agentId}, {"contact date", contactDate},
                {"contact reference", contactReference}}) {
            if (field[1] == null) {
                notes.add("No column looks like the " + field[0] + "; choose one.");
            }
        }
        String dateFormat = ContactDateFormat.ISO_OFFSET_DATE_TIME;
        String timeZone = null;
        if (contactDate != null) {
            List<String> dates = columnValues(preview, header.indexOf(contactDate));
            // a sample with some ISO dates is an ISO file with bad rows, which the check of the sample shows
            if (!dates.isEmpty() && parsedCount(dates, ContactDateFormat.ISO_OFFSET_DATE_TIME, null) == 0) {
                timeZone = "UTC";
                dateFormat = DATE_PATTERNS.stream().filter(pattern -> parsesAll(dates, pattern, "UTC")).findFirst()
                        .orElse(ContactDateFormat.ISO_OFFSET_DATE_TIME);
                noteDateChoice(dateFormat, dates, contactDate, notes);
                if (dateFormat.equals(ContactDateFormat.ISO_OFFSET_DATE_TIME)) {
                    timeZone = null;
                }
            }
        }
        List<MetadataColumn> metadata = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used.contains(i)) {
                metadata.add(new MetadataColumn(header.get(i), readableName(header.get(i)),
                        typeOf(columnValues(preview, i))));
            }
        }
        return new FieldMapping(dialect, new FieldReferences(agentId, contactDate, contactReference, audioFilename),
                dateFormat, timeZone, metadata, null);
    }

    private static void noteDateChoice(String dateFormat, List<String> dates, String column, List<String> notes) {
        if (dateFormat.equals(ContactDateFormat.ISO_OFFSET_DATE_TIME)) {
            notes.add("The dates in " + column + " (like " + dates.getFirst()
                    + ") match no known format; enter their pattern.");
            return;
        }
        notes.add("Dates in " + column + " have no offset; they are read as UTC. Change the time zone if they are"
                + " local times.");
        if (dateFormat.startsWith("dd/MM") && parsesAll(dates, "MM/dd" + dateFormat.substring(5), "UTC")) {
            notes.add("Dates like " + dates.getFirst() + " read as day/month and as month/day; day/month was chosen."
                    + " Check one you know.");
        }
    }

    private static String pick(String field, List<String> header, Set<Integer> used) {
        for (String wanted : NAMES.get(field)) {
            for (int i = 0; i < header.size(); i++) {
                if (!used.contains(i) && normalise(header.get(i)).equals(wanted)) {
                    used.add(i);
                    return header.get(i);
                }
            }
        }
        for (String wanted : NAMES.get(field)) {
            for (int i = 0; i < header.size(); i++) {
                if (!used.contains(i) && wanted.length() > 3 && normalise(header.get(i)).contains(wanted)) {
                    used.add(i);
                    return header.get(i);
                }
            }
        }
        return null;
    }

    private static boolean parsesAll(List<String> values, String dateFormat, String timeZone) {
        return parsedCount(values, dateFormat, timeZone) == values.size();
    }

    private static long parsedCount(List<String> values, String dateFormat, String timeZone) {
        ContactDateFormat format = ContactDateFormat.of(dateFormat, timeZone);
        return values.stream().filter(value -> format.parse(value) != null).count();
    }

    private static MetadataType typeOf(List<String> values) {
        if (values.isEmpty()) {
            return MetadataType.STRING;
        }
        if (values.stream().allMatch(ValueShapes::isInteger)) {
            // leading zeros (phone numbers, line ids) are identifiers, not quantities
            return values.stream().anyMatch(value -> value.length() > 1 && value.startsWith("0"))
                    ? MetadataType.STRING : MetadataType.INTEGER;
        }
        if (values.stream().allMatch(ValueShapes::isNumber)) {
            return MetadataType.DECIMAL;
        }
        if (values.stream().allMatch(ValueShapes::isBoolean)) {
            return MetadataType.BOOLEAN;
        }
        return MetadataType.STRING;
    }

    private static List<String> columnValues(List<List<String>> preview, int column) {
        return preview.stream().filter(row -> column >= 0 && column < row.size()).map(row -> row.get(column).strip())
                .filter(value -> !value.isEmpty()).toList();
    }

    static String normalise(String header) {
        StringBuilder letters = new StringBuilder(header.length());
        header.toLowerCase(Locale.ROOT).chars().filter(Character::isLetterOrDigit)
                .forEach(c -> letters.append((char) c));
        return letters.toString();
    }

    /** "duration_seconds" reads as "Duration seconds"; names that already have capitals or spaces stay. */
    private static String readableName(String header) {
        String spaced = header.strip().replace('_', ' ');
        if (spaced.isEmpty() || !spaced.equals(spaced.toLowerCase(Locale.ROOT))) {
            return spaced;
        }
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
