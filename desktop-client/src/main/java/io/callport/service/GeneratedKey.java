package io.callport.service;

/**
 * A new key pair, already written in every format it is saved in, so the passphrase is not kept.
 *
 * @param type          Ed25519 or RSA
 * @param publicKey     the public key as one {@code authorized_keys} line: algorithm, base64, comment
 * @param fingerprint   {@code SHA256:...} as {@code ssh-keygen -l} prints it
 * @param openSsh       the private key in OpenSSH's format, encrypted when there is a passphrase
 * @param putty         the private key as a PuTTY key file (.ppk), encrypted when there is a passphrase
 * @param protectedByPassphrase whether the private key files need the passphrase
 */
public record GeneratedKey(KeyType type, String publicKey, String fingerprint, byte[] openSsh, byte[] putty,
                           boolean protectedByPassphrase) {
}
