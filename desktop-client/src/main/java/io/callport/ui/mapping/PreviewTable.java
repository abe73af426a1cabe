package io.callport.ui.mapping;

import io.callport.csv.CsvRow;
import io.callport.ui.common.IssueStyles;
import io.callport.ui.common.Messages;
import io.callport.validate.Issue;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The sample's rows in a table, a column per header cell, with the cells that have issues marked. */
final class PreviewTable {
    private static final double COLUMN_WIDTH = 130;

    private final TableView<CsvRow> table;
    private final ReadOnlyObjectProperty<IssueMarks> marks;

    private PreviewTable(TableView<CsvRow> table, ReadOnlyObjectProperty<IssueMarks> marks) {
        this.table = table;
        this.marks = marks;
    }

    static void install(TableView<CsvRow> table, ObservableList<String> columns, ObservableList<CsvRow> rows,
                        ReadOnlyObjectProperty<IssueMarks> marks) {
        PreviewTable preview = new PreviewTable(table, marks);
        table.setItems(rows);
        table.setPlaceholder(new Label(Messages.text("mapping.preview.empty")));
        preview.rebuild(columns);
        columns.addListener((ListChangeListener<String>) change -> preview.rebuild(columns));
        marks.addListener((observable, old, now) -> table.refresh());
    }

    /** Scrolls to the row that starts on a line and selects it; a column name, if given, is scrolled to too. */
    static void reveal(TableView<CsvRow> table, long line, String column) {
        for (int index = 0; index < table.getItems().size(); index++) {
            if (table.getItems().get(index).line() == line) {
                table.scrollTo(Math.max(0, index - 2));
                table.getSelectionModel().clearAndSelect(index);
                table.getColumns().stream().filter(shown -> shown.getText().equals(column)).findFirst()
                        .ifPresent(table::scrollToColumn);
                return;
            }
        }
    }

    private void rebuild(List<String> columns) {
        TableColumn<CsvRow, Long> line = new TableColumn<>(Messages.text("mapping.preview.line"));
        line.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().line()));
        line.setPrefWidth(56);
        line.setSortable(false);
        line.getStyleClass().add("line-column");
        table.getColumns().setAll(List.of(line));
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().add(column(columns.get(i), i));
        }
    }

    private TableColumn<CsvRow, String> column(String name, int index) {
        TableColumn<CsvRow, String> column = new TableColumn<>(name);
        column.setId("preview-" + index);
        column.setPrefWidth(COLUMN_WIDTH);
        column.setSortable(false);
        column.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().cell(index)));
        column.setCellFactory(ignored -> new MarkedCell(name));
        return column;
    }

    /** A cell showing its value, coloured and explained when the sample's check found an issue there. */
    private final class MarkedCell extends TableCell<CsvRow, String> {
        private final String columnName;

        MarkedCell(String columnName) {
            this.columnName = columnName;
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            IssueStyles.clear(this);
            setTooltip(null);
            CsvRow row = empty ? null : getTableRow().getItem();
            setText(row == null ? null : value);
            if (row == null) {
                return;
            }
            Issue issue = marks.get().at(row.line(), columnName);
            if (issue != null) {
                IssueStyles.mark(this, issue.severity());
                setTooltip(new Tooltip(issue.code() + ": " + issue.message()));
                setAccessibleHelp(issue.message());
            } else {
                setAccessibleHelp(null);
            }
        }
    }
}
