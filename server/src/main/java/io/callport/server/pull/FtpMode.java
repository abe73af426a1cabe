package io.callport.server.pull;

/** Which side opens the data connection of each FTP listing and download. */
public enum FtpMode {
    /** The FTP server opens a port and the connector connects to it ({@code EPSV}/{@code PASV}): firewall-friendly. */
    PASSIVE,
    /**
     * The connector opens a port and the FTP server connects back to it ({@code EPRT}/{@code PORT}), for servers that
     * refuse passive mode; the customer's server must be able to reach this server.
     */
    ACTIVE
}
