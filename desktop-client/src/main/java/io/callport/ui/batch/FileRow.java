package io.callport.ui.batch;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A file of an upload as its table row shows it: name, size, how much is sent, and where it is. */
public final class FileRow {
    private final String name;
    private final long size;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    FileRow(String name, long size) {
        this.name = name;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void show(double fraction, String text) {
        progress.set(fraction);
        status.set(text);
    }
}
