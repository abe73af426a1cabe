package io.callport.ui.common;

import javafx.scene.control.Label;

/** Small conveniences for labels whose text comes and goes. */
public final class Labels {
    private Labels() {
    }

    /** The labels take no room while their text is empty, so hints and problems appear only when there are some. */
    public static void collapseWhenEmpty(Label... labels) {
        for (Label label : labels) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
        }
    }
}
