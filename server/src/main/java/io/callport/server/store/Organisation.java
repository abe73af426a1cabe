package io.callport.server.store;

import java.time.Instant;

/** A customer of the platform; everything else belongs to one. {@code slug} names its SFTP accounts. */
public record Organisation(String id, String name, String slug, Instant createdAt) {
}
