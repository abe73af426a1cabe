package io.callport.ui.common;

import io.callport.mapping.FieldMapping;
import io.callport.service.Connection;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the screens share: the mapping the admin is working with, made in the wizard or opened from a file, and the
 * server profile in use.
 */
public final class Workspace {
    private final ObjectProperty<FieldMapping> mapping = new SimpleObjectProperty<>(this, "mapping");
    private final StringProperty mappingOrigin = new SimpleStringProperty(this, "mappingOrigin");
    private final ObjectProperty<Connection> connection = new SimpleObjectProperty<>(this, "connection");

    public ObjectProperty<FieldMapping> mappingProperty() {
        return mapping;
    }

    /** Where the mapping came from, in words: a file name or the wizard. */
    public StringProperty mappingOriginProperty() {
        return mappingOrigin;
    }

    public void useMapping(FieldMapping newMapping, String origin) {
        mapping.set(newMapping);
        mappingOrigin.set(origin);
    }

    /** The server profile in use, or null before one is set up on the Connect screen. */
    public ObjectProperty<Connection> connectionProperty() {
        return connection;
    }
}
