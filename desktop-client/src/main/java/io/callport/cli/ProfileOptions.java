package io.callport.cli;

import io.callport.service.ConfigFolder;
import io.callport.service.Profile;
import io.callport.service.Profiles;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the profiles are and which one a command uses. */
final class ProfileOptions {
    @Option(names = "--profile", required = true, paramLabel = "P", description = "The server profile to send with "
            + "(see: callport profile list).")
    String name;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Where profiles and upload journals are kept; "
            + "default: your config folder, or CALLPORT_CONFIG_DIR.")
    Path configDir;

    Profiles profiles() {
        return Profiles.in(configDir != null ? configDir : ConfigFolder.ofUser());
    }

    Profile profile(Profiles profiles) throws IOException {
        return profiles.find(name).orElseThrow(() -> new IOException("There is no profile called " + name
                + "; create it with: callport profile add " + name + " --url ..."));
    }
}
