package io.callport.server.auth;

/**
 * What a role may do. The first seven follow the reference role table; the last three cover the administration
 * the table leaves implicit (who manages agent mappings and users, who reads the organisation's setup).
 */
public enum Permission {
    UPLOAD_CALLS,
    VIEW_OWN_CALLS,
    VIEW_ASSIGNED_CAMPAIGN_CALLS,
    VIEW_ALL_CALLS,
    REPROCESS_CALLS,
    CONFIGURE_SFTP,
    MANAGE_API_KEYS,
    MANAGE_AGENTS,
    MANAGE_USERS,
    VIEW_CAMPAIGNS
}
