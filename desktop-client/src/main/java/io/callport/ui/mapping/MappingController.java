package io.callport.ui.mapping;

import io.callport.csv.CsvRow;
import io.callport.mapping.ContactDateFormat;
import io.callport.mapping.MetadataType;
import io.callport.service.Sample;
import io.callport.ui.common.FileDrop;
import io.callport.ui.common.IssueTable;
import io.callport.ui.common.Labels;
import io.callport.ui.common.Messages;
import io.callport.ui.common.UiContext;
import io.callport.validate.Issue;
import io.callport.validate.ValidationReport;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.util.StringConverter;

/** Binds the mapping wizard's controls to its {@link MappingModel}; the model and the services do the work. */
public final class MappingController {
    private static final List<String> DATE_FORMATS = List.of(ContactDateFormat.ISO_OFFSET_DATE_TIME,
            "dd/MM/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm",
            "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd");
    private static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16",
            "UTF-16LE", "UTF-16BE");
    private static final String NO_COLUMN = "";
    private static final int MAX_SKIPPED_ROWS = 100;

    private final UiContext context;
    private final MappingModel model;
    /** Held here: a bidirectional binding only keeps a weak reference to it. */
    private ObjectProperty<Integer> skipRows;

    @FXML private VBox root;
    @FXML private HBox dropZone;
    @FXML private Label statusLabel;
    @FXML private Label failureLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private ComboBox<String> delimiterBox;
    @FXML private ComboBox<String> quoteBox;
    @FXML private Spinner<Integer> skipRowsSpinner;
    @FXML private ComboBox<String> encodingBox;
    @FXML private CheckBox headerCheck;
    @FXML private Label dialectProblemLabel;
    @FXML private Label notesLabel;
    @FXML private ComboBox<String> agentBox;
    @FXML private ComboBox<String> dateBox;
    @FXML private ComboBox<String> referenceBox;
    @FXML private ComboBox<String> audioBox;
    @FXML private ComboBox<String> dateFormatBox;
    @FXML private ComboBox<String> timeZoneBox;
    @FXML private Label dateReadingLabel;
    @FXML private TableView<MetadataRow> metadataTable;
    @FXML private ChoiceBox<ConventionPreset> presetBox;
    @FXML private TextField patternField;
    @FXML private TextField separatorField;
    @FXML private ComboBox<String> conventionZoneBox;
    @FXML private TextField trialNameField;
    @FXML private Label conventionProblemLabel;
    @FXML private ListView<NameSample> nameSampleList;
    @FXML private TableView<CsvRow> previewTable;
    @FXML private Label checkSummaryLabel;
    @FXML private TableView<Issue> issueTable;
    @FXML private Label problemsLabel;
    @FXML private Button saveButton;
    @FXML private Button submitButton;

    public MappingController(UiContext context) {
        this.context = context;
        this.model = new MappingModel(context.samples(), context.mappings(), context.campaignMappings(),
                context.workspace(), context.background());
    }

    /** The wizard's state, for tests and for screens that follow it. */
    public MappingModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        FileDrop.install(root, files -> model.open(files.getFirst()));
        statusLabel.textProperty().bind(Bindings.when(model.sampleProperty().isNull().and(model.busy().not()))
                .then(Messages.text("mapping.drop.hint")).otherwise(model.statusProperty()));
        failureLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Objects.requireNonNullElse(model.failureProperty().get(), ""), model.failureProperty()));
        busyIndicator.visibleProperty().bind(model.busy());
        bindDialect();
        bindFields();
        bindMetadata();
        bindConvention();
        PreviewTable.install(previewTable, model.columns(), model.rows(), model.marksProperty());
        IssueTable.installCompact(issueTable, Messages.text("mapping.check.empty"));
        issueTable.setItems(model.issues());
        issueTable.getSelectionModel().selectedItemProperty().addListener((observable, old, issue) -> {
            if (issue != null && issue.line() > 0) {
                PreviewTable.reveal(previewTable, issue.line(), issue.column());
            }
        });
        checkSummaryLabel.textProperty().bind(Bindings.createStringBinding(
                () -> summary(model.reportProperty().get()), model.reportProperty()));
        problemsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.sampleProperty().get() == null ? "" : String.join("\n", model.problems()),
                model.problems(), model.sampleProperty()));
        saveButton.disableProperty().bind(model.canSave().not());
        submitButton.disableProperty().bind(model.canSubmit().not());
        Labels.collapseWhenEmpty(failureLabel, dialectProblemLabel, notesLabel, dateReadingLabel,
                conventionProblemLabel, problemsLabel);
    }

    private void bindDialect() {
        CharacterNames delimiters = CharacterNames.delimiters();
        delimiterBox.setConverter(delimiters);
        delimiterBox.getItems().setAll(delimiters.known());
        delimiterBox.valueProperty().bindBidirectional(model.delimiterProperty());
        CharacterNames quotes = CharacterNames.quotes();
        quoteBox.setConverter(quotes);
        quoteBox.getItems().setAll(quotes.known());
        quoteBox.valueProperty().bindBidirectional(model.quoteProperty());
        skipRowsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, MAX_SKIPPED_ROWS));
        skipRows = model.skipRowsProperty().asObject();
        skipRowsSpinner.getValueFactory().valueProperty().bindBidirectional(skipRows);
        encodingBox.getItems().setAll(ENCODINGS);
        encodingBox.valueProperty().bindBidirectional(model.encodingProperty());
        headerCheck.selectedProperty().bindBidirectional(model.headerProperty());
        dialectProblemLabel.textProperty().bind(model.dialectProblem());
        notesLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            Sample sample = model.sampleProperty().get();
            return sample == null ? "" : String.join("\n", sample.detected().notes());
        }, model.sampleProperty()));
        Stream.of(delimiterBox, quoteBox, skipRowsSpinner, encodingBox, headerCheck)
                .forEach(control -> control.disableProperty().bind(model.sampleProperty().isNull()));
    }

    private void bindFields() {
        for (ComboBox<String> box : List.of(agentBox, dateBox, referenceBox)) {
            box.setItems(model.columns());
            box.setPromptText(Messages.text("mapping.field.choose"));
        }
        agentBox.valueProperty().bindBidirectional(model.agentColumnProperty());
        dateBox.valueProperty().bindBidirectional(model.dateColumnProperty());
        referenceBox.valueProperty().bindBidirectional(model.referenceColumnProperty());
        ObservableList<String> audioChoices = FXCollections.observableArrayList(NO_COLUMN);
        model.columns().addListener((ListChangeListener<String>) change -> {
            String chosen = model.audioColumnProperty().get();
            audioChoices.setAll(Stream.concat(Stream.of(NO_COLUMN), model.columns().stream()).toList());
            model.audioColumnProperty().set(chosen);
        });
        audioBox.setItems(audioChoices);
        audioBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String column) {
                return column == null || column.isEmpty() ? Messages.text("mapping.field.audio.none") : column;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        audioBox.valueProperty().bindBidirectional(model.audioColumnProperty());
        dateFormatBox.getItems().setAll(DATE_FORMATS);
        dateFormatBox.valueProperty().bindBidirectional(model.dateFormatProperty());
        List<String> zones = ZoneId.getAvailableZoneIds().stream().sorted().toList();
        timeZoneBox.getItems().setAll(Stream.concat(Stream.of("UTC"), zones.stream()).toList());
        timeZoneBox.setPromptText(Messages.text("mapping.dates.zone.prompt"));
        timeZoneBox.valueProperty().bindBidirectional(model.timeZoneProperty());
        conventionZoneBox.getItems().setAll(timeZoneBox.getItems());
        dateReadingLabel.textProperty().bind(model.dateReading());
        Stream.of(agentBox, dateBox, referenceBox, audioBox, dateFormatBox, timeZoneBox)
                .forEach(control -> control.disableProperty().bind(model.sampleProperty().isNull()));
    }

    private void bindMetadata() {
        metadataTable.setItems(model.metadata());
        metadataTable.setPlaceholder(new Label(Messages.text("mapping.metadata.empty")));
        TableColumn<MetadataRow, Boolean> kept = new TableColumn<>(Messages.text("mapping.metadata.keep"));
        kept.setCellValueFactory(data -> data.getValue().keptProperty());
        kept.setCellFactory(CheckBoxTableCell.forTableColumn(kept));
        kept.setPrefWidth(56);
        TableColumn<MetadataRow, String> column = new TableColumn<>(Messages.text("mapping.metadata.column"));
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().column()));
        column.setEditable(false);
        column.setPrefWidth(130);
        TableColumn<MetadataRow, String> name = new TableColumn<>(Messages.text("mapping.metadata.name"));
        name.setCellValueFactory(data -> data.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(130);
        TableColumn<MetadataRow, MetadataType> type = new TableColumn<>(Messages.text("mapping.metadata.type"));
        type.setCellValueFactory(data -> data.getValue().typeProperty());
        // enum columns need a value map, which is edited on the server
        ObservableList<MetadataType> types = FXCollections.observableArrayList(
                EnumSet.complementOf(EnumSet.of(MetadataType.ENUM)));
        type.setCellFactory(ChoiceBoxTableCell.forTableColumn(types));
        type.setPrefWidth(100);
        metadataTable.getColumns().setAll(List.of(kept, column, name, type));
        metadataTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    private void bindConvention() {
        presetBox.getItems().setAll(ConventionPreset.values());
        ConventionModel convention = model.convention();
        presetBox.setValue(ConventionPreset.of(convention.patternProperty().get()));
        presetBox.valueProperty().addListener((observable, old, preset) -> convention.choosePreset(preset));
        convention.patternProperty().addListener((observable, old, pattern) ->
                presetBox.setValue(ConventionPreset.of(pattern)));
        patternField.textProperty().bindBidirectional(convention.patternProperty());
        separatorField.textProperty().bindBidirectional(convention.separatorProperty());
        conventionZoneBox.valueProperty().bindBidirectional(convention.timeZoneProperty());
        trialNameField.textProperty().bindBidirectional(convention.trialNameProperty());
        conventionProblemLabel.textProperty().bind(convention.problem());
        nameSampleList.setItems(convention.samples());
        nameSampleList.setPlaceholder(new Label(Messages.text("mapping.convention.samples.empty")));
        nameSampleList.setCellFactory(ignored -> new NameSampleCell());
    }

    /** A recording name over what the convention reads from it, or why it does not fit. */
    private static final class NameSampleCell extends ListCell<NameSample> {
        private final Label name = new Label();
        private final Label reading = new Label();
        private final VBox box = new VBox(2, name, reading);

        NameSampleCell() {
            name.getStyleClass().add("name-sample");
            reading.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            setPrefWidth(0); // wrap within the list instead of widening it
        }

        @Override
        protected void updateItem(NameSample sample, boolean empty) {
            super.updateItem(sample, empty);
            if (empty || sample == null) {
                setGraphic(null);
                return;
            }
            name.setText(sample.name());
            boolean fits = sample.problem() == null;
            reading.setText(fits ? sample.reading() : sample.problem());
            reading.getStyleClass().setAll("label", fits ? "hint" : "problem");
            setGraphic(box);
        }
    }

    private static String summary(ValidationReport report) {
        if (report == null) {
            return "";
        }
        if (report.issues().isEmpty()) {
            return Messages.text("mapping.check.clean");
        }
        return Messages.format("mapping.check.summary", report.errors(), report.warnings(), report.infos());
    }

    @FXML
    private void openSample() {
        context.dialogs().openFile(root.getScene().getWindow(), Messages.text("mapping.open.title"),
                new ExtensionFilter(Messages.text("filter.metadata"), "*.csv", "*.tsv", "*.txt"),
                new ExtensionFilter(Messages.text("filter.all"), "*.*")).ifPresent(model::open);
    }

    @FXML
    private void submitMapping() {
        model.submit();
    }

    @FXML
    private void saveMapping() {
        Sample sample = model.sampleProperty().get();
        String base = sample.name().replaceFirst("\\.[^.]*$", "");
        context.dialogs().saveFile(root.getScene().getWindow(), Messages.text("mapping.save.title"),
                base + "-mapping.json", new ExtensionFilter(Messages.text("filter.mapping"), "*.json"))
                .ifPresent(model::save);
    }
}
