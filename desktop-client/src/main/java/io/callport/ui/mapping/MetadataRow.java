package io.callport.ui.mapping;

import io.callport.mapping.MetadataColumn;
import io.callport.mapping.MetadataType;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A column of the sample that may be kept with each call as named, typed metadata. */
public final class MetadataRow {
    private final String column;
    private final BooleanProperty kept = new SimpleBooleanProperty(this, "kept");
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<MetadataType> type = new SimpleObjectProperty<>(this, "type", MetadataType.STRING);

    MetadataRow(String column, boolean kept, String name, MetadataType type) {
        this.column = column;
        this.kept.set(kept);
        this.name.set(name);
        this.type.set(type);
    }

    public String column() {
        return column;
    }

    public BooleanProperty keptProperty() {
        return kept;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<MetadataType> typeProperty() {
        return type;
    }

    MetadataColumn toColumn() {
        return new MetadataColumn(column, name.get(), type.get());
    }

    /** What a list of rows must watch to notice any edit. */
    Observable[] observables() {
        return new Observable[] {kept, name, type};
    }
}
