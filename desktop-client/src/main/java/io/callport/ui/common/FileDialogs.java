package io.callport.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser.ExtensionFilter;
import javafx.stage.Window;

/**
 * The operating system's file dialogs. Screens ask through this interface so that tests, which run without a
 * desktop, can answer instead of the person.
 */
public interface FileDialogs {

    Optional<Path> openFile(Window owner, String title, ExtensionFilter... filters);

    List<Path> openFiles(Window owner, String title, ExtensionFilter... filters);

    Optional<Path> openFolder(Window owner, String title);

    Optional<Path> saveFile(Window owner, String title, String suggestedName, ExtensionFilter... filters);
}
