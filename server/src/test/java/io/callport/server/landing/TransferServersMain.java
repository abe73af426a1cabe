package io.callport.server.landing;

import io.callport.server.TestBytes;
import io.callport.server.sftp.CallportSftpServer;
import io.callport.server.sftp.SftpAccount;
import io.callport.server.sftp.SftpAccounts;
import io.callport.server.sftp.SftpSettings;
import io.callport.server.upload.TusUploads;
import io.callport.server.upload.UploadPolicySigner;
import io.callport.server.upload.UploadRoutes;
import io.callport.server.upload.UploadTarget;
import io.callport.server.upload.UsageQuota;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The HTTP upload routes and the SFTP server in a process of their own, so a test can run them with a small heap.
 * Arguments: data folder, OpenSSH public key file of the one SFTP user. Prints "HTTP port" and "SFTP port", prints
 * each landed file as "LANDED path size sha256", and stops when its standard input closes.
 */
public final class TransferServersMain {
    static final CampaignFolder CAMPAIGN = new CampaignFolder("acme", "sales");
    static final String CAMPAIGN_ID = "c-sales";

    private TransferServersMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PublicKey registered = PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(args[1])).strip())
                .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        LandingArea landing = new LandingArea(data.resolve("landing"));
        landing.campaignDir(CAMPAIGN);
        // the SHA-256 of what is on disk once landed, read in the same small heap, as the pipeline reads it
        LandingListener printer = file -> System.out.println("LANDED " + file.relativePath() + " " + file.size() + " "
                + TestBytes.sha256(file.file()));

        SftpAccounts accounts = (username, key) -> KeyUtils.compareKeys(registered, key)
                ? Optional.of(SftpAccount.forCampaign(username, CAMPAIGN)) : Optional.empty();
        CallportSftpServer sftp = new CallportSftpServer(SftpSettings.defaults(data).withPort(0), accounts, landing,
                printer);
        sftp.start();

        UploadTarget target = new UploadTarget(CAMPAIGN_ID, "org-acme", CAMPAIGN, UploadSource.API);
        UploadRoutes routes = new UploadRoutes((ctx, campaignId) -> target, landing, printer,
                UploadPolicySigner.fromSecretFile(data.resolve("upload-signing.key"), Clock.systemUTC()),
                UsageQuota.UNLIMITED,
                new TusUploads(data.resolve("tus"), landing, printer, Duration.ofHours(24), Clock.systemUTC()));
        Javalin http = Javalin.create(config -> routes.register(config.routes)).start("127.0.0.1", 0);

        System.out.println("HTTP " + http.port());
        System.out.println("SFTP " + sftp.port());
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        http.stop();
        sftp.stop();
    }
}
