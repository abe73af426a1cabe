package io.callport.ui.mapping;

import io.callport.csv.CsvRow;
import io.callport.mapping.ContactDateFormat;
import io.callport.mapping.CsvDialect;
import io.callport.mapping.FieldMapping;
import io.callport.mapping.FieldReferences;
import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import io.callport.service.CampaignMappings;
import io.callport.service.Connection;
import io.callport.service.MappingStore;
import io.callport.service.Sample;
import io.callport.service.SamplePreview;
import io.callport.service.SampleService;
import io.callport.ui.common.Background;
import io.callport.ui.common.LatestResult;
import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import io.callport.ui.common.Workspace;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The state of the mapping wizard, independent of its controls: the sample, the dialect the person settles on, the
 * columns chosen for each field, and what follows from them (the preview, the mapping, the sample's issues).
 * Reading and validating run in the background; everything here is touched on the FX thread only.
 */
public final class MappingModel {
    private final SampleService samples;
    private final MappingStore store;
    private final Workspace workspace;
    private final LatestResult<Loaded> loads;
    private final LatestResult<SamplePreview> previews;
    private final LatestResult<ValidationReport> checks;
    private final LatestResult<Path> saves;
    private final CampaignMappings campaignMappings;
    private final LatestResult<CampaignMappings.Submitted> submissions;

    private final ReadOnlyObjectWrapper<Sample> sample = new ReadOnlyObjectWrapper<>(this, "sample");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");

    private final StringProperty delimiter = new SimpleStringProperty(this, "delimiter", ",");
    private final StringProperty quote = new SimpleStringProperty(this, "quote", "\"");
    private final IntegerProperty skipRows = new SimpleIntegerProperty(this, "skipRows");
    private final BooleanProperty header = new SimpleBooleanProperty(this, "header", true);
    private final StringProperty encoding = new SimpleStringProperty(this, "encoding", "UTF-8");
    private final ObjectBinding<Attempt<CsvDialect>> dialect;

    private final ReadOnlyObjectWrapper<SamplePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private CsvDialect previewedWith;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<CsvRow> rows = FXCollections.observableArrayList();

    private final StringProperty agentColumn = new SimpleStringProperty(this, "agentColumn");
    private final StringProperty dateColumn = new SimpleStringProperty(this, "dateColumn");
    private final StringProperty referenceColumn = new SimpleStringProperty(this, "referenceColumn");
    private final StringProperty audioColumn = new SimpleStringProperty(this, "audioColumn");
    private final StringProperty dateFormat = new SimpleStringProperty(this, "dateFormat",
            ContactDateFormat.ISO_OFFSET_DATE_TIME);
    private final StringProperty timeZone = new SimpleStringProperty(this, "timeZone");
    private final ObservableList<MetadataRow> allMetadata = FXCollections.observableArrayList(MetadataRow::observables);
    private final FilteredList<MetadataRow> metadata = new FilteredList<>(allMetadata);

    private final ConventionModel convention = new ConventionModel();

    private final ObjectBinding<Attempt<FieldMapping>> mapping;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ValidationReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<Issue> issues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IssueMarks> marks = new ReadOnlyObjectWrapper<>(this, "marks",
            IssueMarks.NONE);
    private final StringBinding dateReading;
    private final StringBinding dialectProblem;
    private final ObjectBinding<FieldMapping> validMapping;
    private final BooleanBinding busy;
    private final BooleanBinding canSave;
    private final BooleanBinding canSubmit;

    // read-only views made once: a listener on a view lives only as long as the view
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<CsvRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Issue> issuesView = FXCollections.unmodifiableObservableList(issues);

    public MappingModel(SampleService samples, MappingStore store, CampaignMappings campaignMappings,
                        Workspace workspace, Background background) {
        this.samples = samples;
        this.campaignMappings = campaignMappings;
        this.submissions = new LatestResult<>(background);
        this.store = store;
        this.workspace = workspace;
        this.loads = new LatestResult<>(background);
        this.previews = new LatestResult<>(background);
        this.checks = new LatestResult<>(background);
        this.saves = new LatestResult<>(background);
        dialect = Bindings.createObjectBinding(() -> Attempt.of(() -> new CsvDialect(delimiter.get(), quote.get(),
                header.get(), skipRows.get(), encoding.get())), delimiter, quote, header, skipRows, encoding);
        mapping = Bindings.createObjectBinding(this::buildMapping, sample, dialect, agentColumn, dateColumn,
                referenceColumn, audioColumn, dateFormat, timeZone, allMetadata, convention.attempt());
        metadata.predicateProperty().bind(Bindings.<Predicate<MetadataRow>>createObjectBinding(
                () -> row -> !requiredColumns().contains(row.column()),
                agentColumn, dateColumn, referenceColumn, audioColumn));
        dialectProblem = Bindings.createStringBinding(() -> String.join(" ", dialect.get().problems()), dialect);
        validMapping = Bindings.createObjectBinding(() -> mapping.get().value(), mapping);
        dateReading = Bindings.createStringBinding(this::readFirstDate, rows, dateColumn, dateFormat, timeZone);
        busy = loads.runningProperty().or(previews.runningProperty()).or(checks.runningProperty());
        canSave = sample.isNotNull().and(Bindings.createBooleanBinding(() -> mapping.get().isPresent(), mapping))
                .and(saves.runningProperty().not());
        canSubmit = sample.isNotNull().and(Bindings.createBooleanBinding(() -> mapping.get().isPresent()
                        && workspace.connectionProperty().get() != null
                        && workspace.connectionProperty().get().hasCampaign(), mapping, workspace.connectionProperty()))
                .and(submissions.runningProperty().not());

        dialect.addListener((observable, old, now) -> requestPreview());
        mapping.addListener((observable, old, now) -> mappingChanged(now));
        rows.addListener((ListChangeListener<CsvRow>) change -> showRecordingNames());
        audioColumn.addListener((observable, old, now) -> showRecordingNames());
    }

    /** Reads a sample: its dialect is detected, its head previewed, and the suggested mapping preselected. */
    public void open(Path file) {
        status.set(Messages.format("mapping.status.reading", file.getFileName()));
        failure.set(null);
        loads.request(() -> {
            Sample loaded = samples.load(file);
            return new Loaded(loaded, samples.preview(loaded, loaded.detected().dialect()));
        }, this::apply, error -> fail("mapping.failure.read", file.getFileName(), error));
    }

    /** Writes the mapping to a file and makes it the workspace's mapping. */
    public void save(Path file) {
        FieldMapping current = mapping.get().value();
        saves.request(call(() -> store.save(current, file), file), saved -> {
            workspace.useMapping(current, saved.getFileName().toString());
            status.set(Messages.format("mapping.status.saved", saved.getFileName()));
        }, error -> fail("mapping.failure.save", file.getFileName(), error));
    }

    /** Saves the mapping to the connected profile's campaign on the server, with a local copy. */
    public void submit() {
        FieldMapping current = mapping.get().value();
        Connection connection = workspace.connectionProperty().get();
        String campaign = connection.profile().campaignName();
        failure.set(null);
        status.set(Messages.format("mapping.status.submitting", campaign));
        submissions.request(() -> campaignMappings.submit(connection, current), submitted -> {
            workspace.useMapping(current, Messages.format("mapping.origin.campaign", campaign,
                    submitted.version().version()));
            status.set(Messages.format("mapping.status.submitted", campaign, submitted.version().version(),
                    submitted.localCopy().getFileName()));
        }, error -> fail("mapping.failure.submit", campaign, error));
    }

    private void apply(Loaded loaded) {
        Sample newSample = loaded.sample();
        CsvDialect detected = newSample.detected().dialect();
        previewedWith = detected;
        sample.set(newSample);
        delimiter.set(detected.delimiter());
        quote.set(detected.quote());
        skipRows.set(detected.skipRows());
        header.set(detected.header());
        encoding.set(detected.encoding());
        FieldMapping suggested = newSample.detected().suggestedMapping();
        Map<String, MetadataColumn> suggestedMetadata = suggested.metadata().stream()
                .collect(Collectors.toMap(MetadataColumn::column, column -> column, (first, second) -> first));
        showPreview(loaded.preview(), column -> {
            MetadataColumn suggestion = suggestedMetadata.get(column);
            return suggestion == null ? newRow(column, false)
                    : new MetadataRow(column, true, suggestion.name(), suggestion.type());
        });
        FieldReferences fields = suggested.fields();
        agentColumn.set(fields.agentId());
        dateColumn.set(fields.contactDate());
        referenceColumn.set(fields.contactReference());
        audioColumn.set(fields.audioFilename());
        dateFormat.set(suggested.dateFormat());
        timeZone.set(suggested.timeZone());
        convention.reset();
        status.set(describe(newSample, loaded.preview()));
        requestCheck();
    }

    private void requestPreview() {
        CsvDialect wanted = dialect.get().value();
        Sample current = sample.get();
        if (wanted == null || current == null || wanted.equals(previewedWith)) {
            return;
        }
        previews.request(() -> samples.preview(current, wanted), newPreview -> {
            previewedWith = wanted;
            showPreview(newPreview, column -> newRow(column, true));
            status.set(describe(current, newPreview));
            requestCheck();
        }, error -> fail("mapping.failure.read", current.name(), error));
    }

    /** Shows a preview, keeping the choices made for columns it still has. */
    private void showPreview(SamplePreview newPreview, Function<String, MetadataRow> newColumn) {
        List<String> newColumns = newPreview.header();
        boolean sameColumns = newColumns.equals(columns);
        List<String> fields = List.of(nullToEmpty(agentColumn.get()), nullToEmpty(dateColumn.get()),
                nullToEmpty(referenceColumn.get()), nullToEmpty(audioColumn.get()));
        preview.set(newPreview);
        rows.setAll(newPreview.rows());
        if (sameColumns) {
            return;
        }
        Map<String, MetadataRow> previous = new HashMap<>();
        allMetadata.forEach(row -> previous.put(row.column(), row));
        columns.setAll(newColumns);
        allMetadata.setAll(newColumns.stream().distinct()
                .map(column -> previous.containsKey(column) ? previous.get(column) : newColumn.apply(column))
                .toList());
        List<StringProperty> properties = List.of(agentColumn, dateColumn, referenceColumn, audioColumn);
        for (int i = 0; i < properties.size(); i++) {
            properties.get(i).set(newColumns.contains(fields.get(i)) ? fields.get(i) : null);
        }
    }

    private static MetadataRow newRow(String column, boolean kept) {
        String readable = column.strip().replace('_', ' ');
        return new MetadataRow(column, kept, readable, MetadataType.STRING);
    }

    private void mappingChanged(Attempt<FieldMapping> attempt) {
        problems.setAll(attempt.problems());
        if (attempt.value() != null && sample.get() != null
                && !Objects.equals(workspace.mappingProperty().get(), attempt.value())) {
            workspace.useMapping(attempt.value(), Messages.format("mapping.origin.wizard", sample.get().name()));
        }
        requestCheck();
    }

    /** Validates the previewed rows once the preview was read with the mapping's own dialect. */
    private void requestCheck() {
        FieldMapping current = mapping.get().value();
        SamplePreview shown = preview.get();
        Sample shownSample = sample.get();
        if (current == null || shown == null || !current.dialect().equals(previewedWith)) {
            report.set(null);
            issues.clear();
            marks.set(IssueMarks.NONE);
            return;
        }
        checks.request(() -> samples.validate(shownSample, shown, current), checked -> {
            report.set(checked);
            issues.setAll(checked.issues());
            marks.set(IssueMarks.of(checked.issues()));
        }, error -> fail("mapping.failure.check", shownSample.name(), error));
    }

    private Attempt<FieldMapping> buildMapping() {
        if (sample.get() == null) {
            return new Attempt<>(null, List.of(Messages.text("mapping.problem.noSample")));
        }
        List<String> found = new ArrayList<>(dialect.get().problems());
        found.addAll(convention.attempt().get().problems());
        found.addAll(duplicateChoices());
        List<MetadataColumn> kept = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> required = requiredColumns();
        // the source list, not the filtered one: this runs while the filtered list may still be catching up
        for (MetadataRow row : allMetadata) {
            if (row.keptProperty().get() && !required.contains(row.column())) {
                Attempt<MetadataColumn> column = Attempt.of(row::toColumn);
                found.addAll(column.problems());
                if (column.value() != null && !names.add(column.value().name())) {
                    found.add(Messages.format("mapping.problem.metadataNameTwice", column.value().name()));
                }
                if (column.value() != null) {
                    kept.add(column.value());
                }
            }
        }
        CsvDialect chosenDialect = dialect.get().value();
        if (chosenDialect == null) {
            return new Attempt<>(null, found);
        }
        FieldMapping candidate = new FieldMapping(chosenDialect, new FieldReferences(emptyToNull(agentColumn.get()),
                emptyToNull(dateColumn.get()), emptyToNull(referenceColumn.get()), emptyToNull(audioColumn.get())),
                emptyToNull(dateFormat.get()), emptyToNull(timeZone.get()), kept, convention.attempt().get().value());
        found.addAll(candidate.problems());
        return new Attempt<>(found.isEmpty() ? candidate : null, found);
    }

    private List<String> duplicateChoices() {
        Map<String, String> fieldOfColumn = new HashMap<>();
        List<String> found = new ArrayList<>();
        String[][] choices = {{"agent", agentColumn.get()}, {"date", dateColumn.get()},
                {"reference", referenceColumn.get()}, {"audio", audioColumn.get()}};
        for (String[] choice : choices) {
            if (choice[1] == null || choice[1].isBlank()) {
                continue;
            }
            String other = fieldOfColumn.putIfAbsent(choice[1], choice[0]);
            if (other != null) {
                found.add(Messages.format("mapping.problem.columnTwice", choice[1],
                        Messages.text("mapping.field." + other), Messages.text("mapping.field." + choice[0])));
            }
        }
        return found;
    }

    private Set<String> requiredColumns() {
        Set<String> used = new HashSet<>();
        for (StringProperty field : List.of(agentColumn, dateColumn, referenceColumn, audioColumn)) {
            if (field.get() != null) {
                used.add(field.get());
            }
        }
        return used;
    }

    private void showRecordingNames() {
        int column = preview.get() == null ? -1 : preview.get().columnIndex(audioColumn.get());
        convention.useSampleNames(rows.stream().limit(ConventionModel.SAMPLE_NAMES * 4L).map(row -> row.cell(column))
                .toList());
    }

    /** How the first date of the sample reads with the chosen format, so day/month mix-ups show at once. */
    private String readFirstDate() {
        int column = preview.get() == null ? -1 : preview.get().columnIndex(dateColumn.get());
        String first = rows.stream().map(row -> row.cell(column)).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
        if (first == null) {
            return "";
        }
        Attempt<ContactDateFormat> format = Attempt.of(() -> ContactDateFormat.of(emptyToNull(dateFormat.get()),
                emptyToNull(timeZone.get())));
        if (format.value() == null) {
            return format.problems().getFirst();
        }
        Instant instant = format.value().parse(first);
        if (instant == null) {
            return Messages.format("mapping.date.unreadable", first.strip(), format.value().describe());
        }
        return Messages.format("mapping.date.reads", first.strip(), DateTexts.format(instant, emptyToNull(timeZone.get())));
    }

    private String describe(Sample shown, SamplePreview shownPreview) {
        String size = Sizes.describe(shown.size());
        return shown.complete()
                ? Messages.format("mapping.status.whole", shown.name(), size, shownPreview.rows().size())
                : Messages.format("mapping.status.head", shown.name(), size, shownPreview.rows().size(),
                Sizes.describe(SampleService.SAMPLE_BYTES));
    }

    private void fail(String key, Object name, Throwable error) {
        failure.set(Messages.format(key, name, error.getMessage() == null ? error.toString() : error.getMessage()));
        status.set("");
    }

    private static Callable<Path> call(IoAction action, Path result) {
        return () -> {
            action.run();
            return result;
        };
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- what the screen binds to ----

    public ReadOnlyObjectProperty<Sample> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last read, check or save failed, or null. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public StringProperty delimiterProperty() {
        return delimiter;
    }

    public StringProperty quoteProperty() {
        return quote;
    }

    public IntegerProperty skipRowsProperty() {
        return skipRows;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    /** Why the dialect as typed cannot be used, or empty. */
    public StringBinding dialectProblem() {
        return dialectProblem;
    }

    public ReadOnlyObjectProperty<SamplePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<String> columns() {
        return columnsView;
    }

    public ObservableList<CsvRow> rows() {
        return rowsView;
    }

    public StringProperty agentColumnProperty() {
        return agentColumn;
    }

    public StringProperty dateColumnProperty() {
        return dateColumn;
    }

    public StringProperty referenceColumnProperty() {
        return referenceColumn;
    }

    public StringProperty audioColumnProperty() {
        return audioColumn;
    }

    public StringProperty dateFormatProperty() {
        return dateFormat;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringBinding dateReading() {
        return dateReading;
    }

    /** The columns not chosen for a required field, each of which may be kept as metadata. */
    public ObservableList<MetadataRow> metadata() {
        return metadata;
    }

    /** The file-name convention builder. */
    public ConventionModel convention() {
        return convention;
    }

    /** The mapping the choices make, or null while something is missing or wrong. */
    public ObjectBinding<FieldMapping> mappingBinding() {
        return validMapping;
    }

    /** What keeps the choices from making a mapping, as sentences. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyObjectProperty<ValidationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<Issue> issues() {
        return issuesView;
    }

    public ReadOnlyObjectProperty<IssueMarks> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public BooleanBinding busy() {
        return busy;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    /** Whether the mapping can be submitted: it is complete and a profile with a campaign is connected. */
    public BooleanBinding canSubmit() {
        return canSubmit;
    }

    /** A sample with the preview of its detected dialect, read together so the first screen is complete. */
    private record Loaded(Sample sample, SamplePreview preview) {
    }
}
