package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CampaignRepositoryTest {

    private static CampaignSettings named(String name) {
        return new CampaignSettings(name, null, true, 600, null);
    }

    @OnEachDatabase
    void theFolderComesFromTheNameAndIsNumberedWhenTaken(Store store) {
        Organisation org = store.organisations().create("Acme");

        Campaign first = store.campaigns().create(org.id(), named("Sales – Inbound (EU)"));
        Campaign second = store.campaigns().create(org.id(), named("Sales Inbound EU"));

        assertThat(first.folder()).isEqualTo("sales-inbound-eu");
        assertThat(second.folder()).isEqualTo("sales-inbound-eu-2");
        assertThat(first.id()).startsWith("cmp_").isNotEqualTo(second.id());
        assertThat(first.retention()).isEqualTo(Retention.DEFAULT);
        assertThat(first.picking()).isEqualTo(PickingRule.ALL);
    }

    @OnEachDatabase
    void eachOrganisationHasItsOwnFolderNamespace(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");

        Campaign acmeSales = store.campaigns().create(acme.id(), named("Sales"));
        Campaign globexSales = store.campaigns().create(globex.id(), named("Sales"));

        assertThat(globexSales.folder()).isEqualTo("sales");
        assertThat(store.campaigns().find(globex.id(), acmeSales.id())).isEmpty();
        assertThat(store.campaigns().list(acme.id())).extracting(Campaign::id).containsExactly(acmeSales.id());
        assertThat(store.campaigns().findByFolder(globex.id(), "sales")).contains(globexSales);
    }

    @OnEachDatabase
    void anExplicitFolderThatIsTakenIsRefused(Store store) {
        Organisation org = store.organisations().create("Acme");
        store.campaigns().create(org.id(), named("Sales"));

        assertThatThrownBy(() -> store.campaigns().create(org.id(), new CampaignSettings("Other", "sales", false, 0,
                null))).isInstanceOf(DuplicateException.class).hasMessageContaining("folder 'sales'");
    }

    @OnEachDatabase
    void updateReplacesSettingsAndKeepsTheFolderUnlessGiven(Store store) {
        Organisation org = store.organisations().create("Acme");
        Campaign campaign = store.campaigns().create(org.id(), named("Sales"));
        Retention shorter = new Retention(RetentionPeriod.P1M, RetentionPeriod.P6M, RetentionPeriod.P12M);

        Campaign updated = store.campaigns().update(org.id(), campaign.id(),
                new CampaignSettings("Sales UK", null, false, 3600, shorter, PickingRule.parse("3 per agent")))
                .orElseThrow();

        assertThat(updated.name()).isEqualTo("Sales UK");
        assertThat(updated.folder()).isEqualTo("sales");
        assertThat(updated.csvRequired()).isFalse();
        assertThat(updated.batchWindowSeconds()).isEqualTo(3600);
        assertThat(updated.retention()).isEqualTo(shorter);
        assertThat(updated.picking()).isEqualTo(new PickingRule.MaxPerAgent(3));
        assertThat(updated.createdAt()).isEqualTo(campaign.createdAt());
        assertThat(store.campaigns().find(org.id(), campaign.id())).contains(updated);

        Campaign moved = store.campaigns().update(org.id(), campaign.id(),
                new CampaignSettings("Sales UK", "uk-sales", false, 3600, shorter)).orElseThrow();
        assertThat(moved.folder()).isEqualTo("uk-sales");
        assertThat(moved.picking()).as("settings without a rule take every call").isEqualTo(PickingRule.ALL);
    }

    @OnEachDatabase
    void anotherOrganisationCannotUpdateTheCampaign(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");
        Campaign campaign = store.campaigns().create(acme.id(), named("Sales"));

        assertThat(store.campaigns().update(globex.id(), campaign.id(), named("Hijacked"))).isEmpty();
        assertThat(store.campaigns().find(acme.id(), campaign.id()).orElseThrow().name()).isEqualTo("Sales");
    }

    @Test
    void retentionOffersOnlyTheReferenceChoices() {
        assertThatThrownBy(() -> new Retention(RetentionPeriod.P6M, RetentionPeriod.P1M, RetentionPeriod.P1M))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("Retention for unprocessed conversations must be one of P1M, P2M, P3M, not 'P6M'.");
        assertThatThrownBy(() -> new Retention(RetentionPeriod.P1M, RetentionPeriod.CONTRACT, RetentionPeriod.P1M))
                .hasMessageContaining("audio and transcripts must be one of P1M, P2M, P3M, P6M, P12M");
        assertThat(new Retention(RetentionPeriod.P3M, RetentionPeriod.P12M, RetentionPeriod.CONTRACT))
                .isEqualTo(Retention.DEFAULT);
        assertThatThrownBy(() -> RetentionPeriod.parse("metadata and insights", "P24M",
                RetentionPeriod.FOR_METADATA_AND_INSIGHTS))
                .hasMessage("Retention for metadata and insights must be one of P1M, P2M, P3M, P6M, P12M, CONTRACT, "
                        + "not 'P24M'.");
        assertThat(RetentionPeriod.parse("x", "contract", RetentionPeriod.FOR_METADATA_AND_INSIGHTS))
                .isEqualTo(RetentionPeriod.CONTRACT);
    }

    @Test
    void settingsRejectWhatAPersonCouldMistype() {
        assertThatThrownBy(() -> named(" ")).hasMessage("A campaign needs a name.");
        assertThatThrownBy(() -> new CampaignSettings("Sales", "Sales/../x", true, 0, null))
                .hasMessageContaining("The folder 'Sales/../x' must be 1 to 48 lowercase letters");
        assertThatThrownBy(() -> new CampaignSettings("Sales", null, true, 86_401, null))
                .hasMessage("The batch window must be between 0 and 86400 seconds (24 hours), not 86401.");
        assertThatThrownBy(() -> new CampaignSettings("Sales", null, true, -1, null))
                .isInstanceOf(InvalidValueException.class);
    }
}
