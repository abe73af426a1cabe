package io.callport.server.auth;

import static io.callport.server.auth.Permission.CONFIGURE_SFTP;
import static io.callport.server.auth.Permission.MANAGE_AGENTS;
import static io.callport.server.auth.Permission.MANAGE_API_KEYS;
import static io.callport.server.auth.Permission.MANAGE_USERS;
import static io.callport.server.auth.Permission.REPROCESS_CALLS;
import static io.callport.server.auth.Permission.UPLOAD_CALLS;
import static io.callport.server.auth.Permission.VIEW_ALL_CALLS;
import static io.callport.server.auth.Permission.VIEW_ASSIGNED_CAMPAIGN_CALLS;
import static io.callport.server.auth.Permission.VIEW_CAMPAIGNS;
import static io.callport.server.auth.Permission.VIEW_OWN_CALLS;

import io.callport.server.store.InvalidValueException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The five roles of the reference role table, from least to most trusted.
 *
 * <pre>
 * Action             Agent      Manager             Compliance  Senior mgr  Owner
 * Upload calls       -          yes                 yes         yes         yes
 * View upload status own calls  assigned campaigns  all         all         all
 * Reprocess calls    -          yes                 yes         yes         yes
 * Configure SFTP     -          -                   -           yes         yes
 * Manage API keys    -          -                   -           yes         yes
 * </pre>
 * Configuring SFTP covers campaigns, field mappings and SSH keys; agent mappings go with it. Managing users is
 * the owner's and the senior manager's.
 */
public enum Role {
    AGENT(EnumSet.of(VIEW_OWN_CALLS, VIEW_CAMPAIGNS)),
    MANAGER(EnumSet.of(UPLOAD_CALLS, VIEW_ASSIGNED_CAMPAIGN_CALLS, REPROCESS_CALLS, VIEW_CAMPAIGNS)),
    COMPLIANCE_OFFICER(EnumSet.of(UPLOAD_CALLS, VIEW_ALL_CALLS, REPROCESS_CALLS, VIEW_CAMPAIGNS)),
    SENIOR_MANAGER(EnumSet.of(UPLOAD_CALLS, VIEW_ALL_CALLS, REPROCESS_CALLS, CONFIGURE_SFTP, MANAGE_API_KEYS,
            MANAGE_AGENTS, MANAGE_USERS, VIEW_CAMPAIGNS)),
    OWNER(EnumSet.of(UPLOAD_CALLS, VIEW_ALL_CALLS, REPROCESS_CALLS, CONFIGURE_SFTP, MANAGE_API_KEYS, MANAGE_AGENTS,
            MANAGE_USERS, VIEW_CAMPAIGNS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether someone with this role may hand out {@code other}: never a role above one's own. */
    public boolean mayGrant(Role other) {
        return other.ordinal() <= ordinal();
    }

    /** The role named in a request, or an {@link InvalidValueException} listing the five names. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        throw new InvalidValueException("'" + name + "' is not a role; use one of AGENT, MANAGER, "
                + "COMPLIANCE_OFFICER, SENIOR_MANAGER, OWNER.");
    }
}
