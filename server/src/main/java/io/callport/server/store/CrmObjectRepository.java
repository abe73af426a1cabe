package io.callport.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CRM objects of an organisation (contacts, leads, opportunities, cases, accounts), kept by their CRM id. */
public final class CrmObjectRepository {
    private final Database database;
    private final Clock clock;

    CrmObjectRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One object: its type, its id in the customer's CRM and its fields. */
    public record CrmObject(String type, String externalId, Map<String, String> fields) {
    }

    /** Creates the objects, or replaces the fields of those with the same type and id. */
    public void upsert(Connection connection, String orgId, String fileId, List<CrmObject> objects)
            throws SQLException {
        Instant now = clock.instant();
        Sql.batch(connection, "INSERT INTO crm_objects (org_id, object_type, external_id, fields_json, file_id, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, object_type, external_id) DO UPDATE SET "
                + "fields_json = excluded.fields_json, file_id = excluded.file_id, updated_at = excluded.updated_at",
                objects.stream().map(o -> new Object[] {orgId, o.type(), o.externalId(), JsonText.of(o.fields()),
                        fileId, now}).toList());
    }

    public Optional<CrmObject> find(String orgId, String type, String externalId) {
        return database.read(c -> Sql.one(c, "SELECT object_type, external_id, fields_json FROM crm_objects "
                + "WHERE org_id = ? AND object_type = ? AND external_id = ?", row -> new CrmObject(
                row.getString("object_type"), row.getString("external_id"), JsonText.map(row.getString("fields_json"))),
                orgId, type, externalId));
    }
}
