package io.callport.server.store;

/** Why a call got a new version. */
public enum VersionCause {
    INGESTED, METADATA_UPDATE, REPROCESSED
}
