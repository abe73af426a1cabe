package io.callport.ui.connect;

import io.callport.service.Connection;
import io.callport.service.Profile;
import io.callport.service.ProfileSetup;
import io.callport.service.Profiles;
import io.callport.service.ServerClient;
import io.callport.service.Transport;
import io.callport.service.api.Campaign;
import io.callport.service.api.SftpAccess;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the Connect screen: the saved profiles, the one being edited, whether its address and key were
 * accepted by the server (tested as soon as both are entered), and the campaigns the key reaches. Saving a profile
 * makes it the workspace's connection.
 */
public final class ConnectModel {
    private final Profiles profiles;
    private final ProfileSetup setup;
    private final Workspace workspace;
    private final LatestResult<Saved> loads;
    private final LatestResult<String> keyReads;
    private final LatestResult<List<Campaign>> tests;
    private final LatestResult<Profile> saves;

    private final ObservableList<Profile> profileList = FXCollections.observableArrayList();
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> campaign = new SimpleObjectProperty<>(this, "campaign");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(this, "transport", Transport.HTTP);
    private final ObjectProperty<Path> sshKey = new SimpleObjectProperty<>(this, "sshKey");
    private final ObjectProperty<Path> watchFolder = new SimpleObjectProperty<>(this, "watchFolder");
    private final ReadOnlyObjectWrapper<SftpAccess> sftp = new ReadOnlyObjectWrapper<>(this, "sftp");
    private final ReadOnlyBooleanWrapper keyAccepted = new ReadOnlyBooleanWrapper(this, "keyAccepted");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final BooleanBinding canTest;
    private final BooleanBinding canSave;
    private String testedWith;
    /** The campaign to choose once the key's campaigns are listed: the edited profile's. */
    private String wantedCampaignId;

    public ConnectModel(Profiles profiles, ProfileSetup setup, Workspace workspace, Background background) {
        this.profiles = profiles;
        this.setup = setup;
        this.workspace = workspace;
        this.loads = new LatestResult<>(background);
        this.keyReads = new LatestResult<>(background);
        this.tests = new LatestResult<>(background);
        this.saves = new LatestResult<>(background);
        canTest = url.isNotEmpty().and(apiKey.isNotEmpty()).and(tests.runningProperty().not());
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank(), name).and(keyAccepted)
                .and(campaign.isNotNull())
                .and(transport.isEqualTo(Transport.HTTP).or(sshKey.isNotNull()))
                .and(saves.runningProperty().not());
        url.addListener((observable, old, now) -> credentialsChanged());
        apiKey.addListener((observable, old, now) -> credentialsChanged());
        selected.addListener((observable, old, profile) -> edit(profile));
        sshKey.addListener((observable, old, now) -> {
            if (!Objects.equals(old, now)) {
                sftp.set(null);
            }
        });
    }

    /**
     * Connects with the profile used last, if it has a key, so the Uploader starts where it was left; called once
     * when the window opens, whether or not the Connect screen is ever shown.
     */
    public static void restoreLastConnection(Profiles profiles, Workspace workspace, Background background) {
        new LatestResult<Connection>(background).request(() -> {
            Optional<String> used = profiles.lastUsed();
            Optional<Profile> last = used.isEmpty() ? Optional.empty() : profiles.find(used.get());
            if (last.isEmpty()) {
                return null;
            }
            return profiles.apiKey(last.get().name())
                    .map(key -> new Connection(last.get(), new ServerClient(last.get().url(), key))).orElse(null);
        }, restored -> {
            if (restored != null && workspace.connectionProperty().get() == null) {
                workspace.connectionProperty().set(restored);
            }
        }, error -> { }); // the Connect screen reports unreadable profiles when it is opened
    }

    /** Reads the saved profiles and shows the one in use, or else the one used last. */
    public void load() {
        loads.request(() -> new Saved(profiles.list(), profiles.lastUsed().orElse(null)), saved -> {
            profileList.setAll(saved.profiles());
            Connection active = workspace.connectionProperty().get();
            String shown = active != null ? active.profile().name() : saved.lastUsed();
            selected.set(saved.profiles().stream().filter(profile -> profile.name().equals(shown)).findFirst()
                    .orElse(null));
        }, error -> fail("connect.failure.load", error));
    }

    /** Starts a new profile with an empty form. */
    public void newProfile() {
        selected.set(null);
        edit(null);
    }

    /**
     * Tests the address and key once both are entered and they have not been tested as they are: the screen calls
     * this when the person leaves either field or presses Enter in it.
     */
    public void testIfEntered() {
        if (canTest.get() && !(url.get() + "\n" + apiKey.get()).equals(testedWith)) {
            test();
        }
    }

    /** Tests the address and key now. */
    public void test() {
        String wantedUrl = url.get();
        String key = apiKey.get();
        String attempt = wantedUrl + "\n" + key;
        testedWith = attempt;
        keyAccepted.set(false);
        testResult.set("");
        tests.request(() -> setup.test(wantedUrl, key), listed -> {
            if (!attempt.equals(testedWith)) {
                return;
            }
            keyAccepted.set(true);
            campaigns.setAll(listed);
            String wanted = campaign.get() != null ? campaign.get().id() : wantedCampaignId;
            campaign.set(listed.stream().filter(c -> c.id().equals(wanted)).findFirst()
                    .orElse(listed.size() == 1 ? listed.getFirst() : null));
            testResult.set(Messages.format("connect.test.ok", listed.size()));
        }, error -> {
            if (attempt.equals(testedWith)) {
                testResult.set(Messages.format("connect.test.failed", message(error)));
            }
        });
    }

    /** Saves the profile (registering its SSH key for SFTP) and makes it the connection every screen uses. */
    public void save() {
        Profile previous = selected.get();
        Campaign chosen = campaign.get();
        Profile edited = new Profile(name.get().strip(), ServerClient.normalizeUrl(url.get()), chosen.id(),
                chosen.name(), transport.get(), sshKey.get(), sftp.get(), watchFolder.get());
        String key = apiKey.get().strip();
        failure.set("");
        status.set("");
        saves.request(() -> {
            Profile saved = setup.save(edited, key);
            if (previous != null && !previous.name().equals(saved.name())) {
                profiles.remove(previous.name());
            }
            return saved;
        }, saved -> {
            workspace.connectionProperty().set(new Connection(saved, new ServerClient(saved.url(), key)));
            replaceInList(previous, saved);
            selected.set(saved);
            status.set(Messages.format("connect.status.saved", saved.name()));
        }, error -> fail("connect.failure.save", error));
    }

    /** Removes the chosen profile and forgets its key; if it was in use, nothing is connected any more. */
    public void delete() {
        Profile doomed = selected.get();
        if (doomed == null) {
            return;
        }
        failure.set("");
        saves.request(() -> {
            profiles.remove(doomed.name());
            return doomed;
        }, removed -> {
            profileList.remove(removed);
            Connection active = workspace.connectionProperty().get();
            if (active != null && active.profile().name().equals(removed.name())) {
                workspace.connectionProperty().set(null);
            }
            newProfile();
            status.set(Messages.format("connect.status.deleted", removed.name()));
        }, error -> fail("connect.failure.delete", error));
    }

    private void edit(Profile profile) {
        status.set("");
        failure.set("");
        keyReads.cancel();
        campaigns.clear();
        campaign.set(null);
        wantedCampaignId = profile == null ? null : profile.campaignId();
        name.set(profile == null ? "" : profile.name());
        url.set(profile == null ? "" : profile.url());
        transport.set(profile == null ? Transport.HTTP : profile.transport());
        sshKey.set(profile == null ? null : profile.sshKey());
        sftp.set(profile == null ? null : profile.sftp());
        watchFolder.set(profile == null ? null : profile.watchFolder());
        apiKey.set("");
        if (profile != null) {
            keyReads.request(() -> profiles.apiKey(profile.name()).orElse(""), key -> {
                apiKey.set(key);
                testIfEntered();
            },
                    error -> failure.set(Messages.format("connect.failure.key", profile.name(), message(error))));
        }
    }

    /** A new address or key is untested until it is entered (see {@link #testIfEntered()}). */
    private void credentialsChanged() {
        keyAccepted.set(false);
        testResult.set("");
        testedWith = null;
        tests.cancel();
    }

    private void replaceInList(Profile previous, Profile saved) {
        profileList.removeIf(profile -> profile.name().equals(saved.name())
                || previous != null && profile.name().equals(previous.name()));
        profileList.add(saved);
        profileList.sort((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()));
    }

    private void fail(String key, Throwable error) {
        failure.set(Messages.format(key, message(error)));
    }

    static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    /** The profiles as saved, and the name of the one used last. */
    private record Saved(List<Profile> profiles, String lastUsed) {
    }

    // ---- what the screen binds to ----

    public ObservableList<Profile> profiles() {
        return profileList;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public ObservableList<Campaign> campaigns() {
        return campaigns;
    }

    public ObjectProperty<Campaign> campaignProperty() {
        return campaign;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    public ObjectProperty<Path> sshKeyProperty() {
        return sshKey;
    }

    public ObjectProperty<Path> watchFolderProperty() {
        return watchFolder;
    }

    /** The SFTP account of the profile's SSH key, once registered. */
    public ReadOnlyObjectProperty<SftpAccess> sftpProperty() {
        return sftp.getReadOnlyProperty();
    }

    /** Whether the server accepted the address and key as they are now. */
    public ReadOnlyBooleanProperty keyAcceptedProperty() {
        return keyAccepted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return tests.runningProperty();
    }

    /** What the last test found: the campaigns reached, or why the server could not be used. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public BooleanBinding canTest() {
        return canTest;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public String keyStoreDescription() {
        return profiles.secretsDescription();
    }
}
