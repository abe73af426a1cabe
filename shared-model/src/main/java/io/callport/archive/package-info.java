/**
 * Safe zip reading: a batch zip is validated as the files it contains without unpacking it to disk, each entry read
 * once. {@link io.callport.archive.SafeZip} is the entry point; docs/zip-safety.md explains the checks and limits.
 */
package io.callport.archive;
