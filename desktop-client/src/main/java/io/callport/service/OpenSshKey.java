package io.callport.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parts of an unencrypted private key in OpenSSH's own format ({@code openssh-key-v1}), which other formats
 * are made from.
 *
 * @param algorithm     {@code ssh-ed25519} or {@code ssh-rsa}
 * @param publicBlob    the public key in the wire format {@code authorized_keys} holds in base64
 * @param privateFields the private part's fields after the algorithm name: for ssh-ed25519 the public key and the
 *                      64-byte private key; for ssh-rsa the mpints n, e, d, iqmp, p, q
 * @param comment       the key's comment
 */
record OpenSshKey(String algorithm, byte[] publicBlob, List<byte[]> privateFields, String comment) {
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";

    static OpenSshKey parse(String armored) {
        int begin = armored.indexOf(BEGIN);
        int end = armored.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("This is not an OpenSSH private key.");
        }
        byte[] bytes = Base64.getMimeDecoder().decode(armored.substring(begin + BEGIN.length(), end));
        SshWire.Reader key = new SshWire.Reader(bytes);
        if (!key.skip(MAGIC)) {
            throw new IllegalArgumentException("This is not an OpenSSH private key.");
        }
        String cipher = key.text();
        key.text(); // key derivation
        key.string(); // its options
        if (!cipher.equals("none") || key.uint32() != 1) {
            throw new IllegalArgumentException("Only an unencrypted file with one key can be converted.");
        }
        byte[] publicBlob = key.string();
        SshWire.Reader secret = new SshWire.Reader(key.string());
        if (secret.uint32() != secret.uint32()) {
            throw new IllegalArgumentException("The private key's check numbers differ; the key is damaged.");
        }
        String algorithm = secret.text();
        int fieldCount = switch (algorithm) {
            case "ssh-ed25519" -> 2;
            case "ssh-rsa" -> 6;
            default -> throw new IllegalArgumentException("Keys of type " + algorithm + " are not supported.");
        };
        List<byte[]> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            fields.add(secret.string());
        }
        return new OpenSshKey(algorithm, publicBlob, List.copyOf(fields), secret.text());
    }
}
