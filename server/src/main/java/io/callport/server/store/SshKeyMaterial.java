package io.callport.server.store;

/**
 * A checked OpenSSH public key.
 *
 * @param publicKey   the key in one-line OpenSSH form, {@code <algorithm> <base64>} without the comment
 * @param fingerprint OpenSSH's fingerprint, {@code SHA256:} and unpadded base64 of the key blob's SHA-256
 * @param algorithm   the key type, e.g. {@code ssh-ed25519}
 * @param bits        the key size: 256 for Ed25519, the curve size for ECDSA, the modulus size for RSA
 * @param comment     the comment after the key, or null
 */
public record SshKeyMaterial(String publicKey, String fingerprint, String algorithm, int bits, String comment) {
}
