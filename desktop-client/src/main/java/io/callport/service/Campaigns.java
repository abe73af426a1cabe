package io.callport.service;

import io.callport.service.api.Campaign;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/** Finds a campaign the way people name it: by id, by folder, or by name in any case. */
public final class Campaigns {
    private Campaigns() {
    }

    public static Campaign find(List<Campaign> campaigns, String wanted) throws IOException {
        String text = wanted.strip();
        return campaigns.stream().filter(c -> c.id().equals(text) || c.folder().equals(text)).findFirst()
                .or(() -> campaigns.stream().filter(c -> c.name().equalsIgnoreCase(text)).findFirst())
                .orElseThrow(() -> new IOException("The API key reaches no campaign called '" + text + "'"
                        + (campaigns.isEmpty() ? "; it reaches none at all." : "; it reaches "
                        + campaigns.stream().map(c -> c.name() + " (" + c.folder() + ")")
                        .collect(Collectors.joining(", ")) + ".")));
    }
}
