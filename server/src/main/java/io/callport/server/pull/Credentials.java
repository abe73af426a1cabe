package io.callport.server.pull;

/**
 * The secrets a connector logs in with. Only the fields its kind of site uses are set; all are encrypted at rest by
 * {@link io.callport.server.store.CredentialCipher} and none is ever printed or returned by the API.
 *
 * @param password             SFTP or FTP password
 * @param privateKey           SFTP private key, OpenSSH or PEM text
 * @param privateKeyPassphrase the private key's passphrase, when it has one
 * @param accessKey            S3 access key id
 * @param secretKey            S3 secret access key
 */
public record Credentials(String password, String privateKey, String privateKeyPassphrase, String accessKey,
                          String secretKey) {
    public Credentials {
        password = emptyToNull(password);
        privateKey = emptyToNull(privateKey);
        privateKeyPassphrase = emptyToNull(privateKeyPassphrase);
        accessKey = emptyToNull(accessKey);
        secretKey = emptyToNull(secretKey);
    }

    public static Credentials password(String password) {
        return new Credentials(password, null, null, null, null);
    }

    public static Credentials privateKey(String privateKey, String passphrase) {
        return new Credentials(null, privateKey, passphrase, null, null);
    }

    public static Credentials accessKey(String accessKey, String secretKey) {
        return new Credentials(null, null, null, accessKey, secretKey);
    }

    /** For S3 with the server's default AWS credential chain. */
    public static Credentials none() {
        return new Credentials(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "Credentials[" + (password != null ? "password " : "") + (privateKey != null ? "private key " : "")
                + (accessKey != null ? "access key " : "") + "(hidden)]";
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
