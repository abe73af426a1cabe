package io.callport.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class OrganisationRepository {
    private static final String COLUMNS = "id, name, slug, created_at";

    private final Database database;
    private final Clock clock;

    OrganisationRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates an organisation; its slug comes from the name and is numbered when another one has it. */
    public Organisation create(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("An organisation needs a name.");
        }
        return database.transaction(connection -> {
            String base = Slugs.of(name, "org");
            String slug = base;
            for (int n = 2; slugTaken(connection, slug); n++) {
                slug = Slugs.numbered(base, n);
            }
            Organisation organisation = new Organisation(Ids.next("org"), name.strip(), slug, clock.instant());
            Sql.update(connection, "INSERT INTO organisations (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                    organisation.id(), organisation.name(), organisation.slug(), organisation.createdAt());
            return organisation;
        });
    }

    public Optional<Organisation> find(String id) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM organisations WHERE id = ?",
                OrganisationRepository::map, id));
    }

    public List<Organisation> list() {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM organisations ORDER BY created_at, id",
                OrganisationRepository::map));
    }

    /** The minutes of audio the organisation may send per month, or empty when it has no allocation. */
    public Optional<Long> monthlyMinutes(String orgId) {
        return database.read(c -> Sql.one(c, "SELECT monthly_minutes FROM organisations WHERE id = ?", row -> {
            long minutes = row.getLong("monthly_minutes");
            return row.wasNull() ? Optional.<Long>empty() : Optional.of(minutes);
        }, orgId)).flatMap(minutes -> minutes);
    }

    /** Sets the monthly allocation; null removes it. */
    public void setMonthlyMinutes(String orgId, Long minutes) {
        if (minutes != null && minutes < 0) {
            throw new InvalidValueException("monthlyMinutes cannot be negative: " + minutes);
        }
        database.transaction(c -> Sql.update(c, "UPDATE organisations SET monthly_minutes = ? WHERE id = ?",
                minutes, orgId));
    }

    /** Minutes of audio in the organisation's calls created since the instant (recordings not yet probed count 0). */
    public double minutesRecordedSince(String orgId, Instant since) {
        return database.read(c -> Sql.one(c, "SELECT COALESCE(SUM(duration_ms), 0) AS total FROM calls "
                + "WHERE org_id = ? AND created_at >= ?", row -> row.getLong("total"), orgId, since)).orElse(0L)
                / 60_000.0;
    }

    private static boolean slugTaken(Connection connection, String slug) throws SQLException {
        return Sql.one(connection, "SELECT 1 FROM organisations WHERE slug = ?", row -> true, slug).isPresent();
    }

    private static Organisation map(ResultSet row) throws SQLException {
        return new Organisation(row.getString("id"), row.getString("name"), row.getString("slug"),
                Sql.instant(row, "created_at"));
    }
}
