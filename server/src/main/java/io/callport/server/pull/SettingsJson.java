package io.callport.server.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callport.naming.FileNameConvention;
import io.callport.server.store.PickingRule;
import java.time.Duration;
import java.time.ZoneId;

/** Connector settings as stored in {@code pull_connectors.settings_json}: rules in their text forms. */
final class SettingsJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SettingsJson() {
    }

    /** The stored shape; new fields must be optional so older rows still read. */
    record Stored(String name, RemoteSite site, String dateFolders, String schedule, String picking,
                  FileNameConvention convention, String zone, int lookbackDays, long quietSeconds,
                  int parallelFetches) {
    }

    static String write(ConnectorSettings settings) {
        Stored stored = new Stored(settings.name(), settings.site(), settings.dateFolders().pattern(),
                settings.schedule().text(), settings.picking().text(), settings.convention(), settings.zone().getId(),
                settings.lookbackDays(), settings.quietPeriod().toSeconds(), settings.parallelFetches());
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Connector settings always serialise", e);
        }
    }

    static ConnectorSettings read(String json) {
        try {
            Stored s = JSON.readValue(json, Stored.class);
            return new ConnectorSettings(s.name(), s.site(), DateFolders.of(s.dateFolders()),
                    Schedule.parse(s.schedule()), PickingRule.parse(s.picking()), s.convention(), ZoneId.of(s.zone()),
                    s.lookbackDays(), Duration.ofSeconds(s.quietSeconds()), s.parallelFetches());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored connector settings do not parse: " + e.getOriginalMessage(), e);
        }
    }
}
