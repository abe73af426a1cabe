package io.callport.server.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.callport.server.landing.LandedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ways out of an account's root that SftpServerTest does not try: reading the server's own files by absolute and
 * climbing paths, finishing an upload by renaming it out of the root, and links that exist on the server's disk.
 */
class SftpEscapeTest extends SftpServerFixture {
    private static final String SECRET = "server secret 7d21";

    @Test
    void theServersOwnFilesCannotBeReadOrListed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        String climb = "../".repeat(secret.getNameCount() + 2);

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                -get %1$s %3$s/absolute.txt
                -get %2$s%1$s %3$s/climbed.txt
                -get /%2$s%1$s %3$s/rooted.txt
                -ls %4$s
                -ls /%2$setc
                -get /%2$setc/passwd %3$s/passwd
                """.formatted(secret, climb, downloads, secret.getParent()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain(SECRET).doesNotContain("secret.txt\n").doesNotContain("root:");
        assertThat(downloads).isEmptyDirectory();
    }

    @Test
    void anUploadCannotBeRenamedOutOfItsRoot() throws Exception {
        Files.writeString(local.resolve("call.wav"), "hello");

        OpenSsh.Result campaign = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                put %1$s/call.wav a.wav.filepart
                -rename a.wav.filepart ../../globex/sales/a.wav
                -rename a.wav.filepart /../../support/a.wav
                -rename a.wav.filepart %2$s/a.wav
                rename a.wav.filepart /../../../a.wav
                """.formatted(local, landing.campaignDir(RIVAL)));
        OpenSsh.Result organisation = openSsh.batch(orgKey, "acme", server.port(), """
                put %1$s/call.wav support/b.wav.filepart
                -rename support/b.wav.filepart ../globex/sales/b.wav
                -rename support/b.wav.filepart /../globex/sales/b.wav
                -rename support/b.wav.filepart b.wav
                rename support/b.wav.filepart sales/b.wav
                """.formatted(local));

        assertThat(campaign.exitCode()).as(campaign.output()).isZero();
        assertThat(organisation.exitCode()).as(organisation.output()).isZero();
        for (String refused : List.of("-rename a.wav.filepart ../../globex/sales/a.wav",
                "-rename a.wav.filepart /../../support/a.wav", "-rename a.wav.filepart %s/a.wav"
                        .formatted(landing.campaignDir(RIVAL)))) {
            assertThat(campaign.printedBy(refused)).as(refused).singleElement().asString()
                    .containsAnyOf("No such file", "Permission denied");
        }
        for (String refused : List.of("-rename support/b.wav.filepart ../globex/sales/b.wav",
                "-rename support/b.wav.filepart /../globex/sales/b.wav", "-rename support/b.wav.filepart b.wav")) {
            assertThat(organisation.printedBy(refused)).as(refused).singleElement().asString()
                    .containsAnyOf("No such file", "Permission denied");
        }
        // ".." stops at the account's root, so the last renames land inside it, where they belong
        assertThat(events).extracting(LandedFile::campaign, LandedFile::relativePath)
                .containsExactly(tuple(SALES, "a.wav"), tuple(SALES, "b.wav"));
        assertThat(landing.campaignDir(RIVAL)).isEmptyDirectory();
        assertThat(landing.campaignDir(SUPPORT)).isEmptyDirectory();
        assertThat(landing.organisationDir("acme").resolve("b.wav")).doesNotExist();
    }

    @Test
    void linksOnTheServersDiskDoNotLeadOutOfTheRoot() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), SECRET);
        Path sales = landing.campaignDir(SALES);
        Files.createSymbolicLink(sales.resolve("elsewhere"), outside);
        Files.createSymbolicLink(sales.resolve("linked.wav"), secret);
        Files.createSymbolicLink(sales.resolve("rival"), landing.campaignDir(RIVAL));
        Files.writeString(landing.campaignDir(RIVAL).resolve("rival-call.wav"), "rival");
        Files.writeString(local.resolve("call.wav"), "planted");
        Path downloads = Files.createDirectories(dir.resolve("downloads"));

        OpenSsh.Result result = openSsh.batch(salesKey, "sales-uploader", server.port(), """
                -ls -1 elsewhere
                -get elsewhere/secret.txt %1$s/through-folder.txt
                -get linked.wav %1$s/through-file.wav
                -ls -1 rival
                -get rival/rival-call.wav %1$s/rival.wav
                -put %2$s/call.wav elsewhere/planted.wav
                -put %2$s/call.wav rival/planted.wav
                -put %2$s/call.wav linked.wav
                """.formatted(downloads, local));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain(SECRET).doesNotContain("secret.txt\n")
                .doesNotContain("rival-call.wav\n");
        assertThat(downloads).isEmptyDirectory();
        assertThat(outside).isDirectoryNotContaining("glob:**/planted.wav");
        assertThat(landing.campaignDir(RIVAL)).isDirectoryNotContaining("glob:**/planted.wav");
        // an upload over a link replaces the link; it never writes through it
        assertThat(secret).hasContent(SECRET);
        assertThat(sales.resolve("linked.wav")).isRegularFile().hasContent("planted");
        assertThat(Files.isSymbolicLink(sales.resolve("linked.wav"))).isFalse();
        assertThat(events).extracting(LandedFile::campaign, LandedFile::relativePath)
                .containsExactly(tuple(SALES, "linked.wav"));
    }
}
