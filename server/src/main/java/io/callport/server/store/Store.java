package io.callport.server.store;

import java.time.Clock;
import java.time.Duration;

/** The repositories over one database. */
public record Store(OrganisationRepository organisations, CampaignRepository campaigns, UserRepository users,
                    ApiKeyRepository apiKeys, SshKeyRepository sshKeys, FieldMappingRepository fieldMappings,
                    AgentRepository agents) {

    /** The repositories over {@code database}; their timestamps come from {@code clock} in whole milliseconds. */
    public static Store on(Database database, Clock clock) {
        // the schema keeps epoch milliseconds; truncating here makes a returned record equal to the stored one
        Clock millis = Clock.tick(clock, Duration.ofMillis(1));
        return new Store(new OrganisationRepository(database, millis), new CampaignRepository(database, millis),
                new UserRepository(database, millis), new ApiKeyRepository(database, millis),
                new SshKeyRepository(database, millis), new FieldMappingRepository(database, millis),
                new AgentRepository(database, millis));
    }
}
