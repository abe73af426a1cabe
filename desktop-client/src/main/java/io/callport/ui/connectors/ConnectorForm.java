package io.callport.ui.connectors;

import io.callport.api.Connector;
import io.callport.api.ConnectorRequest;
import io.callport.naming.FileNameConvention;
import io.callport.ui.common.Messages;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connector being added or changed, as the form shows it: each setting as typed, the secrets typed (the server
 * keeps them and never returns them, so a connector's form starts with none and keeps the stored ones unless new ones
 * are typed), and the first thing that keeps it from being saved. Ranges and formats the server checks are left to
 * its answer, which says why in a sentence.
 */
public final class ConnectorForm {
    /** The settings typed as text. A blank number keeps the server's default (or, on a change, the value it had). */
    public enum Text {
        NAME, HOST, PORT, USERNAME, BASE_PATH, BUCKET, PREFIX, REGION, ENDPOINT, PASSWORD, PASSPHRASE, ACCESS_KEY,
        SECRET_KEY, DATE_FOLDERS, LOOKBACK_DAYS, TIME_ZONE, EVERY_MINUTES, CRON, PERCENTAGE, PER_AGENT,
        QUIET_PERIOD_SECONDS, PARALLEL_FETCHES
    }

    /** How an SFTP connector logs in. */
    public enum Login { PASSWORD, PRIVATE_KEY }

    /** Where an S3 connector's credentials come from. */
    public enum S3Login { ACCESS_KEY, DEFAULT_CHAIN }

    /** Which side opens an FTP connector's data connections: the FTP server (passive) or the Callport server. */
    public enum FtpMode {
        PASSIVE(Connector.PASSIVE), ACTIVE(Connector.ACTIVE);

        private final String wire;

        FtpMode(String wire) {
            this.wire = wire;
        }

        /** The mode the API names; passive, the server's default, for none. */
        static FtpMode of(String wire) {
            return ACTIVE.wire.equals(wire) ? ACTIVE : PASSIVE;
        }
    }

    public enum Timing { EVERY, CRON }

    public enum Picking { ALL, PERCENTAGE, PER_AGENT }

    private static final Pattern EVERY = Pattern.compile("every (\\d+) (minute|hour)s?");
    private static final Pattern PERCENTAGE = Pattern.compile("(\\d+)%");
    private static final Pattern PER_AGENT = Pattern.compile("(\\d+) per agent");
    private static final String UTC = "UTC";

    private final Map<Text, StringProperty> texts = new EnumMap<>(Text.class);
    private final ReadOnlyObjectWrapper<Connector> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ObjectProperty<ConnectorKind> kind = new SimpleObjectProperty<>(this, "kind", ConnectorKind.SFTP);
    private final ObjectProperty<Login> login = new SimpleObjectProperty<>(this, "login", Login.PASSWORD);
    private final ObjectProperty<S3Login> s3Login = new SimpleObjectProperty<>(this, "s3Login", S3Login.ACCESS_KEY);
    private final ObjectProperty<FtpMode> ftpMode = new SimpleObjectProperty<>(this, "ftpMode", FtpMode.PASSIVE);
    private final ObjectProperty<Timing> timing = new SimpleObjectProperty<>(this, "timing", Timing.EVERY);
    private final ObjectProperty<Picking> picking = new SimpleObjectProperty<>(this, "picking", Picking.ALL);
    private final ReadOnlyObjectWrapper<Path> privateKeyFile = new ReadOnlyObjectWrapper<>(this, "privateKeyFile");
    private final ObjectProperty<FileNameConvention> convention = new SimpleObjectProperty<>(this, "convention");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanBinding secretsStored;
    private final StringBinding problem;
    private String privateKey;

    public ConnectorForm() {
        for (Text text : Text.values()) {
            texts.put(text, new SimpleStringProperty(this, text.name(), ""));
        }
        secretsStored = Bindings.createBooleanBinding(() -> editing.get() != null
                && ConnectorKind.of(editing.get().protocol()) == kind.get()
                && !Boolean.TRUE.equals(editing.get().defaultCredentials()), editing, kind);
        Observable[] inputs = Stream.concat(texts.values().stream(), Stream.of(kind, login, s3Login, timing, picking,
                privateKeyFile, convention, secretsStored)).toArray(Observable[]::new);
        problem = Bindings.createStringBinding(this::firstProblem, inputs);
    }

    /** Empties the form for a new connector, which reads agents with the campaign's file-name convention. */
    public void clear(FileNameConvention campaignConvention) {
        editing.set(null);
        texts.values().forEach(text -> text.set(""));
        kind.set(ConnectorKind.SFTP);
        login.set(Login.PASSWORD);
        s3Login.set(S3Login.ACCESS_KEY);
        ftpMode.set(FtpMode.PASSIVE);
        timing.set(Timing.EVERY);
        picking.set(Picking.ALL);
        usePrivateKey(null, null);
        convention.set(campaignConvention);
        enabled.set(true);
    }

    /** Shows a connector's settings to change them; its secrets stay on the server unless new ones are typed. */
    public void load(Connector connector, FileNameConvention campaignConvention) {
        clear(connector.fileNameConvention() != null ? connector.fileNameConvention() : campaignConvention);
        editing.set(connector);
        kind.set(ConnectorKind.of(connector.protocol()));
        ftpMode.set(FtpMode.of(connector.ftpMode()));
        s3Login.set(Boolean.TRUE.equals(connector.defaultCredentials()) ? S3Login.DEFAULT_CHAIN : S3Login.ACCESS_KEY);
        set(Text.NAME, connector.name());
        set(Text.HOST, connector.host());
        set(Text.PORT, connector.port() == null ? null : String.valueOf(connector.port()));
        set(Text.USERNAME, connector.username());
        set(Text.BASE_PATH, connector.basePath());
        set(Text.BUCKET, connector.bucket());
        set(Text.PREFIX, connector.prefix());
        set(Text.REGION, connector.region());
        set(Text.ENDPOINT, connector.endpoint());
        set(Text.DATE_FOLDERS, connector.dateFolders());
        set(Text.LOOKBACK_DAYS, String.valueOf(connector.lookbackDays()));
        set(Text.TIME_ZONE, connector.timeZone());
        set(Text.QUIET_PERIOD_SECONDS, String.valueOf(connector.quietPeriodSeconds()));
        set(Text.PARALLEL_FETCHES, String.valueOf(connector.parallelFetches()));
        loadSchedule(Objects.requireNonNullElse(connector.schedule(), ""));
        loadPicking(Objects.requireNonNullElse(connector.picking(), ""));
        enabled.set(connector.enabled());
    }

    private void loadSchedule(String schedule) {
        Matcher every = EVERY.matcher(schedule);
        if (every.matches()) {
            int amount = Integer.parseInt(every.group(1));
            timing.set(Timing.EVERY);
            set(Text.EVERY_MINUTES, String.valueOf(every.group(2).equals("hour") ? amount * 60 : amount));
        } else {
            timing.set(Timing.CRON);
            set(Text.CRON, schedule);
        }
    }

    private void loadPicking(String rule) {
        Matcher percentage = PERCENTAGE.matcher(rule);
        Matcher perAgent = PER_AGENT.matcher(rule);
        if (percentage.matches()) {
            picking.set(Picking.PERCENTAGE);
            set(Text.PERCENTAGE, percentage.group(1));
        } else if (perAgent.matches()) {
            picking.set(Picking.PER_AGENT);
            set(Text.PER_AGENT, perAgent.group(1));
        } else {
            picking.set(Picking.ALL);
        }
    }

    /** The campaign's file-name convention, for a new connector or one that has none of its own. */
    public void offerConvention(FileNameConvention campaignConvention) {
        if (editing.get() == null || editing.get().fileNameConvention() == null) {
            convention.set(campaignConvention);
        }
    }

    /** The private key an SFTP connector logs in with, read from {@code file}; null for none. */
    public void usePrivateKey(Path file, String keyText) {
        privateKey = keyText;
        privateKeyFile.set(file);
    }

    /**
     * What to send: every setting of the chosen kind as typed (an empty text clears a setting, a blank number keeps
     * it), and the secrets typed, none when none were (the stored ones are kept). An S3 connector on the server's
     * default credentials says so, which drops any access key stored.
     */
    public ConnectorRequest toRequest() {
        ConnectorKind chosen = kind.get();
        boolean onHost = chosen.onHost();
        boolean ftp = chosen == ConnectorKind.FTP || chosen == ConnectorKind.FTPS;
        boolean sftpKey = chosen == ConnectorKind.SFTP && login.get() == Login.PRIVATE_KEY;
        boolean s3 = chosen == ConnectorKind.S3;
        boolean s3Keys = s3 && s3Login.get() == S3Login.ACCESS_KEY;
        return new ConnectorRequest(stripped(Text.NAME), chosen.protocol(),
                onHost ? stripped(Text.HOST) : null, onHost ? number(Text.PORT) : null,
                onHost ? stripped(Text.USERNAME) : null, onHost ? stripped(Text.BASE_PATH) : null,
                ftp ? ftpMode.get().wire : null,
                onHost ? null : stripped(Text.BUCKET), onHost ? null : stripped(Text.PREFIX),
                onHost ? null : stripped(Text.REGION), onHost ? null : stripped(Text.ENDPOINT),
                s3 ? !s3Keys : null,
                onHost && !sftpKey ? secret(Text.PASSWORD) : null, sftpKey ? privateKey : null,
                sftpKey ? secret(Text.PASSPHRASE) : null, s3Keys ? secret(Text.ACCESS_KEY) : null,
                s3Keys ? secret(Text.SECRET_KEY) : null, stripped(Text.DATE_FOLDERS), number(Text.LOOKBACK_DAYS),
                blank(Text.TIME_ZONE) ? UTC : stripped(Text.TIME_ZONE), schedule(), pickingRule(), convention.get(),
                number(Text.QUIET_PERIOD_SECONDS), number(Text.PARALLEL_FETCHES), enabled.get());
    }

    /** {@code every N minutes} (null for the server's default when no number is typed) or the cron expression. */
    private String schedule() {
        if (timing.get() == Timing.CRON) {
            return stripped(Text.CRON);
        }
        return blank(Text.EVERY_MINUTES) ? null : "every " + stripped(Text.EVERY_MINUTES) + " minutes";
    }

    private String pickingRule() {
        return switch (picking.get()) {
            case ALL -> "all";
            case PERCENTAGE -> stripped(Text.PERCENTAGE) + "%";
            case PER_AGENT -> stripped(Text.PER_AGENT) + " per agent";
        };
    }

    /** The first thing missing or unreadable, as a sentence; empty when the connector can be sent. */
    private String firstProblem() {
        ConnectorKind chosen = kind.get();
        if (blank(Text.NAME)) {
            return Messages.text("connectors.problem.name");
        }
        String site = chosen.onHost() ? hostProblem() : bucketProblem();
        if (!site.isEmpty()) {
            return site;
        }
        String secrets = secretsProblem(chosen);
        if (!secrets.isEmpty()) {
            return secrets;
        }
        if (!blank(Text.TIME_ZONE) && !knownZone(stripped(Text.TIME_ZONE))) {
            return Messages.format("connectors.problem.timeZone", stripped(Text.TIME_ZONE));
        }
        if (timing.get() == Timing.CRON && blank(Text.CRON)) {
            return Messages.text("connectors.problem.cron");
        }
        if (picking.get() == Picking.PER_AGENT && convention.get() == null) {
            return Messages.text("connectors.problem.convention");
        }
        return Stream.of(Text.PORT, Text.LOOKBACK_DAYS, Text.EVERY_MINUTES, Text.PERCENTAGE, Text.PER_AGENT,
                        Text.QUIET_PERIOD_SECONDS, Text.PARALLEL_FETCHES)
                .filter(this::asked).filter(text -> !wholeNumber(text)).findFirst()
                .map(text -> blank(text) ? Messages.text("connectors.problem.missing." + text.name())
                        : Messages.format("connectors.problem.number." + text.name(), stripped(text))).orElse("");
    }

    private String hostProblem() {
        if (blank(Text.HOST)) {
            return Messages.text("connectors.problem.host");
        }
        return blank(Text.USERNAME) ? Messages.text("connectors.problem.username") : "";
    }

    private String bucketProblem() {
        if (blank(Text.BUCKET)) {
            return Messages.text("connectors.problem.bucket");
        }
        return blank(Text.REGION) && blank(Text.ENDPOINT) ? Messages.text("connectors.problem.region") : "";
    }

    /** A new connector, or one changed to another kind, needs its secrets; S3 keys go in pairs. */
    private String secretsProblem(ConnectorKind chosen) {
        boolean needed = !secretsStored.get();
        if (chosen == ConnectorKind.S3) {
            boolean keys = s3Login.get() == S3Login.ACCESS_KEY;
            boolean oneOfTwo = blank(Text.ACCESS_KEY) != blank(Text.SECRET_KEY);
            return keys && (oneOfTwo || needed && blank(Text.ACCESS_KEY))
                    ? Messages.text("connectors.problem.accessKey") : "";
        }
        if (!needed) {
            return "";
        }
        if (chosen == ConnectorKind.SFTP && login.get() == Login.PRIVATE_KEY) {
            return privateKeyFile.get() == null ? Messages.text("connectors.problem.privateKey") : "";
        }
        return blank(Text.PASSWORD) ? Messages.text("connectors.problem.password") : "";
    }

    /** Whether a number is asked for by what is chosen now, and typed (a blank one keeps the default). */
    private boolean asked(Text text) {
        boolean shown = switch (text) {
            case PORT -> kind.get().onHost();
            case EVERY_MINUTES -> timing.get() == Timing.EVERY;
            case PERCENTAGE -> picking.get() == Picking.PERCENTAGE;
            case PER_AGENT -> picking.get() == Picking.PER_AGENT;
            default -> true;
        };
        boolean required = text == Text.PERCENTAGE || text == Text.PER_AGENT;
        return shown && (required || !blank(text));
    }

    private boolean wholeNumber(Text text) {
        return stripped(text).matches("\\d{1,9}");
    }

    private static boolean knownZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void set(Text text, String value) {
        texts.get(text).set(value == null ? "" : value);
    }

    private boolean blank(Text text) {
        return texts.get(text).get().isBlank();
    }

    private String stripped(Text text) {
        return texts.get(text).get().strip();
    }

    private Integer number(Text text) {
        return blank(text) ? null : Integer.valueOf(stripped(text));
    }

    /** A secret as typed, or null when none was (a change then keeps the stored one). */
    private String secret(Text text) {
        return texts.get(text).get().isEmpty() ? null : texts.get(text).get();
    }

    // ---- what the screen binds to ----

    public StringProperty text(Text text) {
        return texts.get(text);
    }

    /** The connector whose settings are shown, or null for a new one. */
    public ReadOnlyObjectProperty<Connector> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ObjectProperty<ConnectorKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Login> loginProperty() {
        return login;
    }

    public ObjectProperty<S3Login> s3LoginProperty() {
        return s3Login;
    }

    public ObjectProperty<FtpMode> ftpModeProperty() {
        return ftpMode;
    }

    public ObjectProperty<Timing> timingProperty() {
        return timing;
    }

    public ObjectProperty<Picking> pickingProperty() {
        return picking;
    }

    /** The file the private key was read from, for SFTP. */
    public ReadOnlyObjectProperty<Path> privateKeyFileProperty() {
        return privateKeyFile.getReadOnlyProperty();
    }

    /** How agents are read from file names, for picking per agent: the connector's, else the campaign's. */
    public ReadOnlyObjectProperty<FileNameConvention> conventionProperty() {
        return convention;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /**
     * Whether the server holds this connector's secrets, so typing none keeps them (an S3 connector on the default
     * credentials holds none).
     */
    public BooleanBinding secretsStored() {
        return secretsStored;
    }

    /** The first thing that keeps the connector from being saved, or empty. */
    public StringBinding problem() {
        return problem;
    }
}
