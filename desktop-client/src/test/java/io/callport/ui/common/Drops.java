package io.callport.ui.common;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;

/**
 * Drops files on a node the way the desktop does, by firing the drag events with a dragboard holding them: on
 * JavaFX's headless platform a robot's drag does not start a drag-and-drop gesture.
 */
public final class Drops {
    private Drops() {
    }

    /** Fires DRAG_OVER then DRAG_DROPPED on the FX thread; returns whether the node accepted the files. */
    public static boolean dropFiles(Node target, List<Path> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
        dragboard.setContent(Map.of(DataFormat.FILES, files.stream().map(Path::toFile).toList()));
        DragEvent over = event(DragEvent.DRAG_OVER, dragboard, target);
        target.fireEvent(over);
        DragEvent dropped = event(DragEvent.DRAG_DROPPED, dragboard, target);
        target.fireEvent(dropped);
        return over.isAccepted();
    }

    private static DragEvent event(javafx.event.EventType<DragEvent> type, Dragboard dragboard, Node target) {
        return new DragEvent(type, dragboard, 10, 10, 10, 10, TransferMode.COPY, null, target,
                new PickResult(target, 10, 10));
    }

}
