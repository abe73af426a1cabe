package io.callport.server.store;

import io.callport.server.auth.Role;
import java.time.Instant;

/** A person of an organisation, with the role that decides what they may do. */
public record User(String id, String orgId, String email, String name, Role role, Instant createdAt) {
}
