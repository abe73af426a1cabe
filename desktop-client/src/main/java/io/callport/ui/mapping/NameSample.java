package io.callport.ui.mapping;

/**
 * What a file-name convention reads from one recording name.
 *
 * @param name    the recording's name
 * @param reading the fields read, as "field = value" pairs, or empty
 * @param problem why the name does not fit, or null
 */
public record NameSample(String name, String reading, String problem) {
}
