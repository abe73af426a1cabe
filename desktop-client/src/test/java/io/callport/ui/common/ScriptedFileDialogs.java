package io.callport.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Window;

/** Answers the file dialogs as a person would, with the paths a test queued; no answer means Cancel. */
public final class ScriptedFileDialogs implements FileDialogs {
    private final Deque<List<Path>> answers = new ArrayDeque<>();
    private final Deque<String> suggestedNames = new ArrayDeque<>();

    public ScriptedFileDialogs answer(Path... paths) {
        answers.add(List.of(paths));
        return this;
    }

    /** The name the last save dialog suggested. */
    public String lastSuggestedName() {
        return suggestedNames.peekLast();
    }

    @Override
    public Optional<Path> openFile(Window owner, String title, ExtensionFilter... filters) {
        return next().stream().findFirst();
    }

    @Override
    public List<Path> openFiles(Window owner, String title, ExtensionFilter... filters) {
        return next();
    }

    @Override
    public Optional<Path> openFolder(Window owner, String title) {
        return next().stream().findFirst();
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String suggestedName, ExtensionFilter... filters) {
        suggestedNames.add(suggestedName);
        return next().stream().findFirst();
    }

    private List<Path> next() {
        List<Path> answer = answers.poll();
        return answer == null ? List.of() : answer;
    }
}
