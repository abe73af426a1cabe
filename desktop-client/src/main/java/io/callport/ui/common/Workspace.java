package io.callport.ui.common;

import io.callport.mapping.FieldMapping;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the screens share: the mapping the admin is working with, made in the wizard or opened from a file. */
public final class Workspace {
    private final ObjectProperty<FieldMapping> mapping = new SimpleObjectProperty<>(this, "mapping");
    private final StringProperty mappingOrigin = new SimpleStringProperty(this, "mappingOrigin");

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
}
