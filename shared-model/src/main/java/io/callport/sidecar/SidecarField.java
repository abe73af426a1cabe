package io.callport.sidecar;

/**
 * One field of a sidecar.
 *
 * @param value the text as written: numbers and booleans keep their spelling ({@code 1200.5}, {@code true}),
 *              a JSON null is empty, XML text is trimmed of the indentation around it
 * @param line  the 1-based line the field starts on, as a text editor shows it
 */
public record SidecarField(String value, long line) {
}
