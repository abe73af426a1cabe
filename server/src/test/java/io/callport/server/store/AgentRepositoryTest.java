package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentRepositoryTest {

    @OnEachDatabase
    void savingTheSameExternalIdUpdatesTheAgent(Store store) {
        Organisation org = store.organisations().create("Acme");

        AgentRepository.Saved created = store.agents().save(org.id(), new AgentDraft("A-17", null, "Ann Lee", "Blue"));
        AgentRepository.Saved updated = store.agents().save(org.id(),
                new AgentDraft("A-17", "Ann.Lee@Acme.example", "Ann Lee-Smith", null));

        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.agent().id()).isEqualTo(created.agent().id());
        assertThat(updated.agent().email()).isEqualTo("ann.lee@acme.example");
        assertThat(updated.agent().name()).isEqualTo("Ann Lee-Smith");
        assertThat(updated.agent().team()).as("a blank team keeps the old one").isEqualTo("Blue");
        assertThat(store.agents().list(org.id())).containsExactly(updated.agent());
    }

    @OnEachDatabase
    void callsFindTheirAgentByExternalIdOrEmail(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");
        Agent ann = store.agents().save(acme.id(), new AgentDraft("A-17", "ann@acme.example", "Ann", null)).agent();
        Agent bob = store.agents().save(acme.id(), new AgentDraft(null, "bob@acme.example", "Bob", null)).agent();

        assertThat(store.agents().findByIdentifier(acme.id(), "A-17")).contains(ann);
        assertThat(store.agents().findByIdentifier(acme.id(), " BOB@acme.example ")).contains(bob);
        assertThat(store.agents().findByIdentifier(acme.id(), "a-17")).as("external ids are exact").isEmpty();
        assertThat(store.agents().findByIdentifier(globex.id(), "A-17")).isEmpty();
    }

    @OnEachDatabase
    void anEmailCannotBelongToTwoAgents(Store store) {
        Organisation org = store.organisations().create("Acme");
        store.agents().save(org.id(), new AgentDraft("A-17", "ann@acme.example", "Ann", null));
        store.agents().save(org.id(), new AgentDraft("A-18", null, "Bob", null));

        assertThatThrownBy(() -> store.agents().save(org.id(), new AgentDraft("A-18", "ann@acme.example", "Bob", null)))
                .isInstanceOf(DuplicateException.class)
                .hasMessage("The email ann@acme.example already belongs to another agent (external id A-17).");
        assertThatThrownBy(() -> store.agents().save(org.id(), new AgentDraft("A-19", "ann@acme.example", "Cy", null)))
                .hasMessage("The email ann@acme.example already belongs to the agent with external id A-17, not A-19.");
    }

    @OnEachDatabase
    void creationSettingsAreKeptPerCampaign(Store store) {
        Organisation org = store.organisations().create("Acme");
        Campaign campaign = store.campaigns().create(org.id(), new CampaignSettings("Sales", null, true, 0, null));
        AgentEmailTemplate template = new AgentEmailTemplate("%firstname%.%lastname%@%domain%.com", "acme");

        store.agents().saveCreationSettings(campaign.id(), true, template, "New starters", "Recorder");
        AgentCreationSettings saved = store.agents().saveCreationSettings(campaign.id(), false, template, " ", "Dialer");

        assertThat(store.agents().creationSettings(campaign.id())).contains(saved);
        assertThat(saved.enabled()).isFalse();
        assertThat(saved.defaultTeam()).isNull();
        assertThat(saved.connectorName()).isEqualTo("Dialer");
        assertThat(saved.emailTemplate()).isEqualTo(template);
    }

    @Test
    void aDraftNeedsAnIdentifierAndAName() {
        assertThatThrownBy(() -> new AgentDraft(" ", "", "Ann", null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("external id or an email");
        assertThatThrownBy(() -> new AgentDraft("A-1", null, null, null)).hasMessage("An agent needs a name.");
        assertThatThrownBy(() -> new AgentDraft("A-1", "ann at acme", "Ann", null))
                .hasMessage("'ann at acme' is not an email address.");
    }

    @Test
    void theEmailTemplateMakesAddressesFromNames() {
        AgentEmailTemplate template = new AgentEmailTemplate("%firstname%.%lastname%@%domain%.com", "Acme");

        assertThat(template.emailFor("José", "Núñez Díaz", "A-1")).isEqualTo("jose.nunezdiaz@acme.com");
        assertThat(new AgentEmailTemplate("agent-%agentid%@calls.example", null).emailFor(null, null, "A17"))
                .isEqualTo("agent-a17@calls.example");
        assertThatThrownBy(() -> template.emailFor("", "", "A-1"))
                .hasMessageContaining("makes '.@acme.com' for this agent, which is not an email address");
    }

    @Test
    void aTemplateThatCannotWorkIsRefusedWhenSaved() {
        assertThatThrownBy(() -> new AgentEmailTemplate("%first%.%lastname%@x.com", null))
                .hasMessageContaining("uses %first%, which is not one of");
        assertThatThrownBy(() -> new AgentEmailTemplate("%firstname%@%domain%.com", null))
                .hasMessage("The email template uses %domain%, so a domain must be set too.");
        assertThatThrownBy(() -> new AgentEmailTemplate("calls@%domain%.com", "acme"))
                .hasMessageContaining("gives every agent the same address");
        assertThatThrownBy(() -> new AgentEmailTemplate("%firstname%.%lastname%", null))
                .hasMessageContaining("must contain exactly one @");
        assertThatThrownBy(() -> new AgentEmailTemplate("", null)).hasMessageContaining("needs an email template");
    }
}
