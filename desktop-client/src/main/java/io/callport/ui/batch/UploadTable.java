package io.callport.ui.batch;

import io.callport.ui.common.Messages;
import io.callport.ui.common.Sizes;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ProgressBarTableCell;

/** The columns of the table of files being sent: name, size, a progress bar, and where each file is. */
final class UploadTable {
    private UploadTable() {
    }

    static void install(TableView<FileRow> table, ObservableList<FileRow> rows) {
        TableColumn<FileRow, String> name = new TableColumn<>(Messages.text("batch.upload.column.file"));
        name.setCellValueFactory(data -> new ReadOnlyStringWrapper(data.getValue().name()));
        name.setPrefWidth(240);
        TableColumn<FileRow, String> size = new TableColumn<>(Messages.text("batch.upload.column.size"));
        size.setCellValueFactory(data -> new ReadOnlyStringWrapper(Sizes.describe(data.getValue().size())));
        size.setPrefWidth(90);
        TableColumn<FileRow, Double> sent = new TableColumn<>(Messages.text("batch.upload.column.progress"));
        sent.setCellValueFactory(data -> data.getValue().progressProperty().asObject());
        sent.setCellFactory(ProgressBarTableCell.forTableColumn());
        sent.setPrefWidth(160);
        TableColumn<FileRow, String> status = new TableColumn<>(Messages.text("batch.upload.column.status"));
        status.setCellValueFactory(data -> data.getValue().statusProperty());
        status.setPrefWidth(400);
        table.getColumns().setAll(java.util.List.of(name, size, sent, status));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(""));
        table.setItems(rows);
    }
}
