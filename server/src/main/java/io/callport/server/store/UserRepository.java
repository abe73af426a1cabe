package io.callport.server.store;

import io.callport.server.auth.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public final class UserRepository {
    private static final String COLUMNS = "id, org_id, email, name, role, created_at";

    private final Database database;
    private final Clock clock;

    UserRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Adds a user; an email already used in the organisation is a {@link DuplicateException}. */
    public User create(String orgId, String email, String name, Role role) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("A user needs a name.");
        }
        if (role == null) {
            throw new InvalidValueException("A user needs a role.");
        }
        User user = new User(Ids.next("usr"), orgId, EmailAddresses.normalise(email), name.strip(), role,
                clock.instant());
        database.transaction(c -> {
            if (Sql.one(c, "SELECT 1 FROM users WHERE org_id = ? AND email = ?", row -> true, orgId, user.email())
                    .isPresent()) {
                throw new DuplicateException("A user with the email " + user.email() + " already exists.");
            }
            return Sql.update(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    user.id(), orgId, user.email(), user.name(), user.role(), user.createdAt());
        });
        return user;
    }

    public List<User> list(String orgId) {
        return database.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM users WHERE org_id = ? ORDER BY email",
                UserRepository::map, orgId));
    }

    public Optional<User> findByEmail(String orgId, String email) {
        return database.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM users WHERE org_id = ? AND email = ?",
                UserRepository::map, orgId, EmailAddresses.normalise(email)));
    }

    private static User map(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getString("org_id"), row.getString("email"), row.getString("name"),
                Role.valueOf(row.getString("role")), Sql.instant(row, "created_at"));
    }
}
