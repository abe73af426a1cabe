package io.callport.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Lets files and folders from the desktop be dropped on a node; the node shows :drop-target while they hover. */
public final class FileDrop {
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private FileDrop() {
    }

    public static void install(Node target, Consumer<List<Path>> onDrop) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        target.addEventHandler(DragEvent.DRAG_ENTERED, event ->
                target.pseudoClassStateChanged(DROP_TARGET, event.getDragboard().hasFiles()));
        target.addEventHandler(DragEvent.DRAG_EXITED, event -> target.pseudoClassStateChanged(DROP_TARGET, false));
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                onDrop.accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
            event.consume();
        });
    }
}
