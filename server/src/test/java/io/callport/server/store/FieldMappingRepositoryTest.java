package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;

class FieldMappingRepositoryTest {

    @OnEachDatabase
    void everySaveIsANewVersionAndAllAreKept(Store store) {
        Organisation org = store.organisations().create("Acme");
        Campaign sales = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, true, 0, null));
        Campaign support = store.campaigns().create(org.id(), new CampaignSettings("Support", null, true, 0, null));

        assertThat(store.fieldMappings().current(sales.id())).isEmpty();
        FieldMappingVersion first = store.fieldMappings().save(sales.id(), "{\"v\":1}");
        FieldMappingVersion second = store.fieldMappings().save(sales.id(), "{\"v\":2}");
        FieldMappingVersion otherCampaign = store.fieldMappings().save(support.id(), "{\"v\":\"s\"}");

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(otherCampaign.version()).isEqualTo(1);
        assertThat(store.fieldMappings().current(sales.id())).contains(second);
        assertThat(store.fieldMappings().versions(sales.id())).containsExactly(second, first);
        assertThat(store.fieldMappings().version(sales.id(), 1).orElseThrow().mappingJson()).isEqualTo("{\"v\":1}");
        assertThat(store.fieldMappings().version(sales.id(), 3)).isEmpty();
    }
}
