package io.callport.server.store;

import java.util.List;

/**
 * Work items claimed together by one worker. {@code token} is what the items' {@code claimed_by} holds while the
 * claim lasts; it names the server process, so logs show who held what.
 */
public record Claim(String token, List<WorkItem> items) {

    public Claim {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
