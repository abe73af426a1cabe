package io.callport.mapping;

/**
 * Which column holds each of the fields every call needs. A column is named by its header text, or by its
 * 1-based position when the file has no header.
 *
 * @param agentId          the agent who handled the call: an email or an id known to the agent mappings
 * @param contactDate      when the call took place
 * @param contactReference the call's unique id in the customer's system
 * @param audioFilename    the recording's file name; null for metadata-only uploads
 */
public record FieldReferences(String agentId, String contactDate, String contactReference, String audioFilename) {
}
