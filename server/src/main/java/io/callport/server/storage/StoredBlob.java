package io.callport.server.storage;

/**
 * What {@link BlobStore#put} stored.
 *
 * @param size   bytes stored
 * @param sha256 the content's SHA-256, lowercase hex
 */
public record StoredBlob(String key, long size, String sha256) {
}
