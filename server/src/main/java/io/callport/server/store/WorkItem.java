package io.callport.server.store;

/**
 * A claimed piece of work.
 *
 * @param attempts how many times it has been claimed, this claim included
 * @param requests how many times it was asked for; asked for again while claimed, it stays queued when done
 */
public record WorkItem(String id, WorkKind kind, String subjectId, int attempts, int requests, String lastError) {
}
