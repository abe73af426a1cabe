package io.callport.cli;

import io.callport.service.Campaigns;
import io.callport.service.ConfigFolder;
import io.callport.service.KeyService;
import io.callport.service.Profile;
import io.callport.service.ProfileSetup;
import io.callport.service.Profiles;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Set up the servers this computer sends to, without the window.",
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class, ProfileCommand.Remove.class})
final class ProfileCommand {
    /** The environment variable an API key may come from, so it never shows in a command line. */
    static final String API_KEY_VARIABLE = "CALLPORT_API_KEY";

    @Option(names = "--config-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where profiles are kept; default: your config folder, or CALLPORT_CONFIG_DIR.")
    Path configDir;

    Profiles profiles() {
        return Profiles.in(configDir != null ? configDir : ConfigFolder.ofUser());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Add a profile, or replace the one of that name. The API key is tested against the server and kept in",
            "this computer's credential store. With --ssh-key the key is registered for SFTP.",
            "Exit status: 0 saved, 2 usage error, or the server refused the key or could not be reached."})
    static final class Add implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ProfileCommand parent;

        @Parameters(paramLabel = "NAME", description = "What to call the server, such as Production.")
        String name;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The server's address.")
        String url;

        @Option(names = "--api-key-file", paramLabel = "FILE", description = "A file whose first line is the API "
                + "key; without it the key is read from " + API_KEY_VARIABLE + ".")
        Path apiKeyFile;

        @Option(names = "--campaign", paramLabel = "C", description = "The campaign files go to, by name, folder or "
                + "id; needed when the key reaches more than one.")
        String campaign;

        @Option(names = "--transport", paramLabel = "sftp|http", description = "How files are sent; default: sftp "
                + "with --ssh-key, else http.")
        Transport transport;

        @Option(names = "--ssh-key", paramLabel = "FILE", description = "The private key SFTP logs in with (its "
                + ".pub beside it is registered with the server).")
        Path sshKey;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                String key = apiKey();
                Profiles profiles = parent.profiles();
                ProfileSetup setup = new ProfileSetup(profiles, new KeyService());
                List<Campaign> campaigns = setup.test(url, key);
                Campaign chosen = choose(campaigns);
                Transport how = transport != null ? transport : sshKey != null ? Transport.SFTP : Transport.HTTP;
                Profile profile = Profile.of(name, url).withCampaign(chosen.id(), chosen.name()).withTransport(how)
                        .withSftp(sshKey == null ? null : sshKey.toAbsolutePath(), null);
                Profile saved = setup.save(profile, key);
                PrintWriter out = spec.commandLine().getOut();
                out.println("saved " + saved.name() + ": " + saved.url() + ", campaign " + chosen.name() + ", "
                        + saved.transport().name().toLowerCase(java.util.Locale.ROOT)
                        + (saved.sftp() == null ? "" : " as " + saved.sftp().username() + "@" + saved.sftp().host()
                        + ":" + saved.sftp().port()));
                out.println("the API key is kept in " + profiles.secretsDescription());
                return CallportCommand.OK;
            } catch (IOException | IllegalArgumentException e) {
                err.println("callport: " + e.getMessage());
                return CallportCommand.USAGE;
            }
        }

        private String apiKey() throws IOException {
            String key;
            if (apiKeyFile != null) {
                key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } else {
                key = System.getenv(API_KEY_VARIABLE);
            }
            if (key == null || key.isBlank()) {
                throw new IOException("Give the API key with --api-key-file FILE or in " + API_KEY_VARIABLE + ".");
            }
            return key.strip();
        }

        private Campaign choose(List<Campaign> campaigns) throws IOException {
            if (campaign != null) {
                return Campaigns.find(campaigns, campaign);
            }
            if (campaigns.size() == 1) {
                return campaigns.getFirst();
            }
            throw new IOException("The key reaches " + campaigns.size() + " campaigns; choose one with --campaign.");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ProfileCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            for (Profile profile : parent.profiles().list()) {
                out.printf("%s\t%s\t%s\t%s%n", profile.name(), profile.url(),
                        profile.campaignName() == null ? "-" : profile.campaignName(),
                        profile.transport().name().toLowerCase(java.util.Locale.ROOT));
            }
            return CallportCommand.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a profile and forget its key.")
    static final class Remove implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        ProfileCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Profiles profiles = parent.profiles();
            if (profiles.find(name).isEmpty()) {
                spec.commandLine().getErr().println("callport: there is no profile called " + name + ".");
                return CallportCommand.USAGE;
            }
            profiles.remove(name);
            return CallportCommand.OK;
        }
    }
}
