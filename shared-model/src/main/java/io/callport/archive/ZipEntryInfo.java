package io.callport.archive;

/**
 * A safe entry of a zip.
 *
 * @param path           normalised relative path, '/'-separated, no {@code .} or {@code ..} segments
 * @param fileName       the path's last segment
 * @param declaredSize   the size the central directory declares; reading enforces it
 * @param compressedSize the bytes the entry takes in the zip
 */
public record ZipEntryInfo(String path, String fileName, long declaredSize, long compressedSize) {
}
