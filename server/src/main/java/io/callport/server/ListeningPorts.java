package io.callport.server;

/**
 * Ports the server's listeners actually bound, for what the API hands out (SFTP credentials). The SFTP component
 * publishes its port once bound; until then the configured port stands.
 */
public final class ListeningPorts {
    private volatile int sftp;

    public ListeningPorts(int configuredSftpPort) {
        this.sftp = configuredSftpPort;
    }

    public int sftp() {
        return sftp;
    }

    public void publishSftp(int boundPort) {
        this.sftp = boundPort;
    }
}
