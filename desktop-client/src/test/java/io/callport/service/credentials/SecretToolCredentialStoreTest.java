package io.callport.service.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.callport.service.ExternalTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Secret Service store against a real GNOME Keyring on a private D-Bus session with its own home folder, so
 * the test neither needs nor touches the person's keyring.
 */
class SecretToolCredentialStoreTest {
    @TempDir
    Path home;
    private Process bus;
    private Map<String, String> session;

    @BeforeEach
    void startKeyring() throws Exception {
        assumeThat(ExternalTools.installed("secret-tool") && ExternalTools.installed("dbus-daemon")
                && ExternalTools.installed("gnome-keyring-daemon"))
                .as("secret-tool, dbus-daemon and gnome-keyring-daemon are installed (.ci/install-test-deps)").isTrue();
        Map<String, String> homeOnly = Map.of("HOME", home.toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_RUNTIME_DIR", home.toString());
        ProcessBuilder daemon = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1");
        daemon.environment().putAll(homeOnly);
        bus = daemon.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        session = new java.util.HashMap<>(homeOnly);
        session.put("DBUS_SESSION_BUS_ADDRESS", address);
        ProcessBuilder keyring = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets");
        keyring.environment().putAll(session);
        Process unlock = keyring.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var stdin = unlock.getOutputStream()) {
            stdin.write("test-keyring-password".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(unlock.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void stopBus() throws InterruptedException {
        if (bus != null) {
            bus.destroy(); // the keyring daemon leaves with its bus
            bus.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void storesReadsReplacesAndForgetsASecret() throws IOException {
        CredentialStore store = SecretToolCredentialStore.ifAvailable(session).orElseThrow();
        assertThat(store.get("Production")).isEmpty();

        store.put("Production", "cp_first");
        store.put("Staging", "cp_other");
        store.put("Production", "cp_second");

        assertThat(store.get("Production")).hasValue("cp_second");
        assertThat(store.get("Staging")).hasValue("cp_other");
        store.delete("Production");
        store.delete("Production");
        assertThat(store.get("Production")).isEmpty();
        assertThat(store.get("Staging")).hasValue("cp_other");
    }

    @Test
    void withoutASecretServiceTheStoreIsNotOffered() {
        Map<String, String> nowhere = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home.resolve("no-bus"),
                "DISPLAY", "");

        assertThat(SecretToolCredentialStore.ifAvailable(nowhere)).isEmpty();
        assertThatThrownBy(() -> new SecretToolCredentialStore(nowhere).get("Production"))
                .hasMessageStartingWith("The keyring could not read the API key: ");
    }
}
