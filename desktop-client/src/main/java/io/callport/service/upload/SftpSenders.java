package io.callport.service.upload;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Lanes over SFTP: {@code sessions} SSH connections with {@code channelsPerSession} SFTP channels each, one file per
 * channel at a time. A file is written as {@code <name>.filepart} and renamed when complete, so the server lands it
 * once, whole. The server keeps a temporary file whose connection was cut, so a transfer cut off resumes at that
 * file's size when the journal says this version of the file was begun there; otherwise it starts over.
 */
final class SftpSenders implements Senders {
    static final String TEMPORARY_SUFFIX = ".filepart";

    private final SftpConnector connector;
    private final String folder;
    private final int channelsPerSession;
    private final PauseGate gate;
    private final UploadJournal journal;
    private final List<SessionSlot> sessions = new ArrayList<>();

    /** @param folder the server folder files go to, ending in "/" */
    SftpSenders(SftpConnector connector, String folder, int sessions, int channelsPerSession, PauseGate gate,
                UploadJournal journal) {
        this.connector = connector;
        this.folder = folder;
        this.channelsPerSession = channelsPerSession;
        this.gate = gate;
        this.journal = journal;
        for (int i = 0; i < sessions; i++) {
            this.sessions.add(new SessionSlot());
        }
    }

    @Override
    public int lanes() {
        return sessions.size() * channelsPerSession;
    }

    @Override
    public FileSender lane(int index) {
        return new Lane(sessions.get(index / channelsPerSession));
    }

    @Override
    public void close() {
        sessions.forEach(SessionSlot::close);
    }

    /** One SSH connection shared by a few lanes; connected again when it was lost. */
    private final class SessionSlot {
        private Session session;

        synchronized Session session() throws IOException {
            if (session == null || !session.isConnected()) {
                session = connector.connect();
            }
            return session;
        }

        synchronized boolean isConnected() {
            return session != null && session.isConnected();
        }

        synchronized void close() {
            if (session != null) {
                session.disconnect();
                session = null;
            }
        }
    }

    private final class Lane implements FileSender {
        private final SessionSlot slot;
        private ChannelSftp channel;

        Lane(SessionSlot slot) {
            this.slot = slot;
        }

        @Override
        public String send(UploadItem item, LongConsumer progress) throws IOException {
            ChannelSftp sftp = channel();
            String temporary = folder + item.name() + TEMPORARY_SUFFIX;
            CompletableFuture<String> sha256 = Digests.sha256Beside(item.path());
            try {
                if (journal.mayHaveLanded(item) && landed(sftp, item)) {
                    progress.accept(item.size());
                    return Digests.await(sha256);
                }
                long held = journal.mayResumeSftp(item) ? resumableSize(sftp, temporary, item) : 0;
                progress.accept(held);
                journal.sftpBegun(item);
                try (InputStream file = new MeteredInputStream(Files.newInputStream(item.path()), progress, gate)) {
                    // RESUME asks the server for the temporary file's size, skips that much here and writes the rest
                    sftp.put(file, temporary, held > 0 ? ChannelSftp.RESUME : ChannelSftp.OVERWRITE);
                }
                journal.renaming(item);
                sftp.rename(temporary, folder + item.name());
            } catch (SftpException e) {
                closeChannel();
                if (gate.isCancelled()) {
                    throw new PauseGate.UploadCancelledException();
                }
                if (e.getCause() instanceof IOException || !slot.isConnected()) {
                    throw new IOException("The SFTP connection was lost while sending " + item.name() + ": "
                            + e.getMessage(), e);
                }
                throw new TransferRefusedException(item.name() + " was refused by the SFTP server: " + e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                closeChannel();
                throw e;
            }
            if (!item.unchanged()) {
                throw new TransferRefusedException(item.name() + " changed while it was being sent; the server may "
                        + "hold a mix of both versions, so send it again.", null);
            }
            return Digests.await(sha256);
        }

        /** Whether the file is on the server under its final name with its size: a rename whose answer was lost. */
        private boolean landed(ChannelSftp sftp, UploadItem item) throws SftpException {
            return sizeOnServer(sftp, folder + item.name()) == item.size();
        }

        /**
         * How much of the file the server holds under its temporary name, or 0 when there is nothing to resume: no
         * such file, or one longer than this file.
         */
        private static long resumableSize(ChannelSftp sftp, String temporary, UploadItem item) throws SftpException {
            long held = sizeOnServer(sftp, temporary);
            return held > 0 && held <= item.size() ? held : 0;
        }

        /** The size of a file on the server, or -1 when there is none. */
        private static long sizeOnServer(ChannelSftp sftp, String path) throws SftpException {
            try {
                return sftp.stat(path).getSize();
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return -1;
                }
                throw e;
            }
        }

        private ChannelSftp channel() throws IOException {
            if (channel == null || !channel.isConnected()) {
                channel = connector.open(slot.session());
            }
            return channel;
        }

        private void closeChannel() {
            if (channel != null) {
                channel.disconnect();
                channel = null;
            }
        }

        @Override
        public void abort() {
            slot.close();
        }

        @Override
        public void close() {
            closeChannel();
        }
    }
}
