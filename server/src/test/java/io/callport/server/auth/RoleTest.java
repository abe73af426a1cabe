package io.callport.server.auth;

import static io.callport.server.auth.Permission.CONFIGURE_SFTP;
import static io.callport.server.auth.Permission.MANAGE_API_KEYS;
import static io.callport.server.auth.Permission.REPROCESS_CALLS;
import static io.callport.server.auth.Permission.UPLOAD_CALLS;
import static io.callport.server.auth.Permission.VIEW_ALL_CALLS;
import static io.callport.server.auth.Permission.VIEW_ASSIGNED_CAMPAIGN_CALLS;
import static io.callport.server.auth.Permission.VIEW_OWN_CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callport.server.store.InvalidValueException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reference role table, row by row. */
class RoleTest {

    private static Role[] rolesThat(Permission permission) {
        return Arrays.stream(Role.values()).filter(role -> role.can(permission)).toArray(Role[]::new);
    }

    @Test
    void theRoleTableIsFollowed() {
        assertThat(rolesThat(UPLOAD_CALLS)).containsExactly(Role.MANAGER, Role.COMPLIANCE_OFFICER,
                Role.SENIOR_MANAGER, Role.OWNER);
        assertThat(rolesThat(VIEW_OWN_CALLS)).containsExactly(Role.AGENT);
        assertThat(rolesThat(VIEW_ASSIGNED_CAMPAIGN_CALLS)).containsExactly(Role.MANAGER);
        assertThat(rolesThat(VIEW_ALL_CALLS)).containsExactly(Role.COMPLIANCE_OFFICER, Role.SENIOR_MANAGER,
                Role.OWNER);
        assertThat(rolesThat(REPROCESS_CALLS)).containsExactly(Role.MANAGER, Role.COMPLIANCE_OFFICER,
                Role.SENIOR_MANAGER, Role.OWNER);
        assertThat(rolesThat(CONFIGURE_SFTP)).containsExactly(Role.SENIOR_MANAGER, Role.OWNER);
        assertThat(rolesThat(MANAGE_API_KEYS)).containsExactly(Role.SENIOR_MANAGER, Role.OWNER);
    }

    @Test
    void nobodyGrantsARoleAboveTheirOwn() {
        assertThat(Role.SENIOR_MANAGER.mayGrant(Role.OWNER)).isFalse();
        assertThat(Role.SENIOR_MANAGER.mayGrant(Role.SENIOR_MANAGER)).isTrue();
        assertThat(Role.OWNER.mayGrant(Role.AGENT)).isTrue();
    }

    @Test
    void rolesAreReadIgnoringCase() {
        assertThat(Role.parse(" compliance_officer ")).isEqualTo(Role.COMPLIANCE_OFFICER);
        assertThatThrownBy(() -> Role.parse("admin")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'admin' is not a role");
        assertThatThrownBy(() -> Role.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
