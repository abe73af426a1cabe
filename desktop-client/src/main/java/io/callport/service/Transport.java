package io.callport.service;

/** How files travel to the server. */
public enum Transport {
    /** The server's SFTP, logging in with a registered SSH key; several files at once. */
    SFTP,
    /** HTTPS with the API key, as resumable tus uploads with checksums. */
    HTTP
}
