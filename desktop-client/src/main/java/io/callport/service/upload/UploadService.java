package io.callport.service.upload;

import io.callport.service.Profile;
import io.callport.service.ServerClient;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import io.callport.service.api.SftpAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Prepares uploads to a profile's server: the plan, its journal (in the config folder's {@code uploads}), and the
 * lanes of the profile's transport.
 */
public final class UploadService {
    /** Where journals are kept, inside the config folder. */
    public static final String JOURNALS = "uploads";
    /** Where the SFTP servers' host keys are remembered, inside the config folder. */
    public static final String KNOWN_HOSTS = "known_hosts";

    private final Path configFolder;
    private final UploadTuning tuning;
    private final RetryPolicy retry;
    private final Clock clock;

    public UploadService(Path configFolder, UploadTuning tuning, RetryPolicy retry, Clock clock) {
        this.configFolder = configFolder;
        this.tuning = tuning;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * An upload of the plan to a campaign with the profile's transport, ready to {@link UploadQueue#start()}.
     *
     * @param client the profile's server, with its API key
     */
    public UploadQueue prepare(Profile profile, ServerClient client, String campaignId, UploadPlan plan)
            throws IOException {
        PauseGate gate = new PauseGate();
        UploadJournal journal = UploadJournal.open(configFolder.resolve(JOURNALS), destination(profile, campaignId),
                plan, clock);
        try {
            Senders senders = profile.transport() == Transport.SFTP
                    ? sftp(profile, client, campaignId, gate)
                    : new TusSenders(client, campaignId, journal, tuning.tusChunkBytes(), tuning.httpLanes(), gate);
            return new UploadQueue(plan, journal, senders, retry, clock, gate);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * Which files were sent to the campaign before, by any upload from this computer: the same path with the same
     * size and modification time. A file that cannot be read counts as not sent.
     */
    public Predicate<Path> sentBefore(Profile profile, String campaignId) throws IOException {
        UploadJournal history = UploadJournal.history(configFolder.resolve(JOURNALS), destination(profile, campaignId));
        return path -> {
            try {
                return history.wasSent(UploadItem.of(path, UploadPhase.RECORDINGS));
            } catch (IOException unreadable) {
                return false;
            }
        };
    }

    private static String destination(Profile profile, String campaignId) {
        return profile.url() + " " + campaignId;
    }

    /** An SFTP connector for the profile's key and account, for uploads and for "Test connection". */
    public SftpConnector sftpConnector(Profile profile) {
        if (profile.sshKey() == null || profile.sftp() == null) {
            throw new IllegalStateException("The profile " + profile.name() + " has no registered SSH key; register "
                    + "one on the Keys screen, or send over HTTPS.");
        }
        return new SftpConnector(profile.sftp(), profile.sshKey(), configFolder.resolve(KNOWN_HOSTS),
                tuning.sftpBulkRequests());
    }

    private Senders sftp(Profile profile, ServerClient client, String campaignId, PauseGate gate) throws IOException {
        SftpConnector connector;
        try {
            connector = sftpConnector(profile);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new SftpSenders(connector, folderFor(connector.account(), client, campaignId), tuning.sftpSessions(),
                tuning.sftpChannelsPerSession(), gate);
    }

    /**
     * The SFTP folder of the campaign: the account's top folder when the key is bound to the campaign, the campaign's
     * folder when the key serves the whole organisation.
     */
    private static String folderFor(SftpAccess account, ServerClient client, String campaignId) throws IOException {
        if (campaignId.equals(account.campaignId())) {
            return "/";
        }
        if (account.campaignId() != null) {
            throw new IOException("The SSH key of this profile opens only the folder of another campaign; register "
                    + "it for this campaign on the Keys screen, or send over HTTPS.");
        }
        Campaign campaign = client.campaigns().stream().filter(c -> c.id().equals(campaignId)).findFirst()
                .orElseThrow(() -> new IOException("The API key cannot reach the campaign " + campaignId + "."));
        return "/" + campaign.folder() + "/";
    }
}
