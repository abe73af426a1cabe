package io.callport.ui.mapping;

import io.callport.naming.FileNameConvention;
import io.callport.ui.common.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The file-name convention builder of the mapping wizard: a pattern (typed, or one of the presets) and what it
 * reads from sample recording names, so the person sees at once whether it fits.
 */
public final class ConventionModel {
    /** How many names from the sample are tried, besides the person's own. */
    static final int SAMPLE_NAMES = 5;

    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final StringProperty separator = new SimpleStringProperty(this, "separator",
            FileNameConvention.DEFAULT_SEPARATOR);
    private final StringProperty timeZone = new SimpleStringProperty(this, "timeZone",
            FileNameConvention.DEFAULT_TIME_ZONE);
    private final StringProperty trialName = new SimpleStringProperty(this, "trialName", "");
    private final ObjectBinding<Attempt<FileNameConvention>> convention;
    private final StringBinding problem;
    private final ObservableList<NameSample> samples = FXCollections.observableArrayList();
    private final ObservableList<NameSample> samplesView = FXCollections.unmodifiableObservableList(samples);
    private List<String> sampleNames = List.of();

    ConventionModel() {
        convention = Bindings.createObjectBinding(this::build, pattern, separator, timeZone);
        problem = Bindings.createStringBinding(() -> String.join(" ", convention.get().problems()), convention);
        convention.addListener((observable, old, now) -> readSamples());
        trialName.addListener((observable, old, now) -> readSamples());
    }

    /** Chooses a preset pattern, or clears the convention with NONE; CUSTOM keeps the pattern being edited. */
    public void choosePreset(ConventionPreset preset) {
        if (preset.pattern() != null) {
            pattern.set(preset.pattern());
        }
    }

    /** The recording names of a new sample: the convention is tried on the first few. */
    void useSampleNames(List<String> names) {
        sampleNames = names.stream().filter(name -> name != null && !name.isBlank()).map(String::strip).distinct()
                .limit(SAMPLE_NAMES).toList();
        readSamples();
    }

    void reset() {
        pattern.set("");
        trialName.set("");
    }

    /** The convention, or null when there is none or it cannot be used. */
    ObjectBinding<Attempt<FileNameConvention>> attempt() {
        return convention;
    }

    private Attempt<FileNameConvention> build() {
        String text = pattern.get() == null ? "" : pattern.get().strip();
        if (text.isEmpty()) {
            return new Attempt<>(null, List.of());
        }
        return Attempt.of(() -> new FileNameConvention(text, blankToNull(separator.get()), blankToNull(timeZone.get())));
    }

    private void readSamples() {
        FileNameConvention chosen = convention.get().value();
        if (chosen == null) {
            samples.clear();
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        if (trialName.get() != null && !trialName.get().isBlank()) {
            names.add(trialName.get().strip());
        }
        names.addAll(sampleNames);
        samples.setAll(names.stream().map(name -> read(chosen, name)).toList());
    }

    private static NameSample read(FileNameConvention chosen, String name) {
        var extraction = chosen.extract(name);
        if (!extraction.issues().isEmpty()) {
            return new NameSample(name, "", extraction.issues().getFirst().message());
        }
        List<String> parts = new ArrayList<>();
        if (extraction.contactDate() != null) {
            parts.add(Messages.format("mapping.convention.date", DateTexts.format(extraction.contactDate(), null)));
        }
        extraction.fields().forEach((field, value) -> parts.add(field + " = " + value));
        return new NameSample(name, String.join(", ", parts), null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public StringProperty separatorProperty() {
        return separator;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    /** A name the person types to try the convention on. */
    public StringProperty trialNameProperty() {
        return trialName;
    }

    /** Why the convention cannot be used, or empty. */
    public StringBinding problem() {
        return problem;
    }

    /** What the convention reads from the trial name and the sample's names. */
    public ObservableList<NameSample> samples() {
        return samplesView;
    }
}
