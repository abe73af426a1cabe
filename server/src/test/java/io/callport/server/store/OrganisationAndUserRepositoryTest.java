package io.callport.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.auth.Role;

class OrganisationAndUserRepositoryTest {

    @OnEachDatabase
    void organisationSlugsAreUniqueServerWide(Store store) {
        Organisation first = store.organisations().create("Acme Ltd.");
        Organisation second = store.organisations().create("ACME ltd");

        assertThat(first.slug()).isEqualTo("acme-ltd");
        assertThat(second.slug()).isEqualTo("acme-ltd-2");
        assertThat(store.organisations().find(first.id())).contains(first);
        assertThat(store.organisations().list()).extracting(Organisation::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @OnEachDatabase
    void usersAreKeptWithTheirRoleAndEmailsAreUniquePerOrganisationIgnoringCase(Store store) {
        Organisation acme = store.organisations().create("Acme");
        Organisation globex = store.organisations().create("Globex");

        User ann = store.users().create(acme.id(), " Ann.Lee@Acme.example ", "Ann Lee", Role.COMPLIANCE_OFFICER);

        assertThat(ann.email()).isEqualTo("ann.lee@acme.example");
        assertThat(store.users().findByEmail(acme.id(), "ANN.LEE@acme.example")).contains(ann);
        assertThatThrownBy(() -> store.users().create(acme.id(), "ann.lee@ACME.example", "Ann", Role.AGENT))
                .isInstanceOf(DuplicateException.class).hasMessageContaining("ann.lee@acme.example");
        store.users().create(globex.id(), "ann.lee@acme.example", "Ann Lee", Role.OWNER);
        assertThat(store.users().list(acme.id())).containsExactly(ann);
    }

    @OnEachDatabase
    void aUserNeedsAnEmailAndAName(Store store) {
        Organisation acme = store.organisations().create("Acme");

        assertThatThrownBy(() -> store.users().create(acme.id(), "not-an-email", "X", Role.AGENT))
                .isInstanceOf(InvalidValueException.class).hasMessage("'not-an-email' is not an email address.");
        assertThatThrownBy(() -> store.users().create(acme.id(), "x@y.example", "", Role.AGENT))
                .hasMessage("A user needs a name.");
    }
}
