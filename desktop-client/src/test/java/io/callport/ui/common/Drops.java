package io.callport.ui.common;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drops files on a node the way the desktop does, by firing the drag events with a dragboard holding them: on
 * JavaFX's headless platform a robot's drag does not start a drag-and-drop gesture.
 */
public final class Drops {
    private Drops() {
    }

    /** Fires DRAG_OVER then DRAG_DROPPED on the FX thread; returns whether the node accepted the files. */
    public static boolean dropFiles(Node target, List<Path> files) {
        try {
            boolean accepted = WaitForAsyncUtils.asyncFx(() -> drop(target, files)).get();
            WaitForAsyncUtils.waitForFxEvents();
            return accepted;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("The drop could not be delivered", e);
        }
    }

    private static boolean drop(Node target, List<Path> files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new DesktopDrag());
        dragboard.setContent(Map.of(DataFormat.FILES, files.stream().map(Path::toFile).toList()));
        DragEvent over = event(DragEvent.DRAG_OVER, dragboard, target);
        target.fireEvent(over);
        if (over.isAccepted()) {
            target.fireEvent(event(DragEvent.DRAG_DROPPED, dragboard, target));
        }
        return over.isAccepted();
    }

    private static DragEvent event(EventType<DragEvent> type, Dragboard dragboard, Node target) {
        return new DragEvent(type, dragboard, 10, 10, 10, 10, TransferMode.COPY, null, target,
                new PickResult(target, 10, 10));
    }

    /** The content of a drag from a file manager, which offers to copy. */
    private static final class DesktopDrag implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... items) {
            for (Pair<DataFormat, Object> item : items) {
                content.put(item.getKey(), item.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
