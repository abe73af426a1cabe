package io.callport.service;

import com.jcraft.jsch.KeyPair;

/** The kinds of SSH key the Uploader makes. */
public enum KeyType {
    /** Small, fast and the modern default. */
    ED25519(KeyPair.ED25519, 256, "id_ed25519"),
    /** For servers that predate Ed25519. */
    RSA(KeyPair.RSA, 4096, "id_rsa");

    private final int jschType;
    private final int bits;
    private final String fileName;

    KeyType(int jschType, int bits, String fileName) {
        this.jschType = jschType;
        this.bits = bits;
        this.fileName = fileName;
    }

    int jschType() {
        return jschType;
    }

    public int bits() {
        return bits;
    }

    /** The file name OpenSSH gives such a key. */
    public String fileName() {
        return fileName;
    }
}
