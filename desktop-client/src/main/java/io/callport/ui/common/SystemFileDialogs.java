package io.callport.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Window;

/** {@link FileDialogs} shown by the operating system, starting in the folder the person used last. */
public final class SystemFileDialogs implements FileDialogs {
    private File lastFolder;

    @Override
    public Optional<Path> openFile(Window owner, String title, ExtensionFilter... filters) {
        return remember(chooser(title, filters).showOpenDialog(owner));
    }

    @Override
    public List<Path> openFiles(Window owner, String title, ExtensionFilter... filters) {
        List<File> files = chooser(title, filters).showOpenMultipleDialog(owner);
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        remember(files.getFirst());
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> openFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(lastFolder);
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            lastFolder = folder;
        }
        return Optional.ofNullable(folder).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String suggestedName, ExtensionFilter... filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title, ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(filters);
        chooser.setInitialDirectory(lastFolder != null && lastFolder.isDirectory() ? lastFolder : null);
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null) {
            lastFolder = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
