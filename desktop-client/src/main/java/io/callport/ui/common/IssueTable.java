package io.callport.ui.common;

import io.callport.validate.Issue;
import io.callport.validate.Severity;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The columns of a table of issues, the same on every screen: severity, code, file, line, column, value, message. */
public final class IssueTable {
    private IssueTable() {
    }

    public static void install(TableView<Issue> table, boolean withFile, String placeholder) {
        table.setPlaceholder(new Label(placeholder));
        // the message takes the room left, so it is readable without scrolling sideways
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(severityColumn()));
        table.getColumns().add(column("code", 200, issue -> issue.code().name()));
        if (withFile) {
            table.getColumns().add(column("file", 160, Issue::file));
        }
        table.getColumns().add(column("line", 56, issue -> issue.line() > 0 ? issue.line() : null));
        table.getColumns().add(column("column", 130, Issue::column));
        table.getColumns().add(column("value", 140, Issue::value));
        TableColumn<Issue, String> message = column("message", 400, Issue::message);
        message.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(message);
    }

    private static TableColumn<Issue, Severity> severityColumn() {
        TableColumn<Issue, Severity> column = new TableColumn<>(Messages.text("issue.severity"));
        column.setId("issue-severity");
        column.setPrefWidth(90);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue().severity()));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(Severity severity, boolean empty) {
                super.updateItem(severity, empty);
                if (empty || severity == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(IssueStyles.label(severity));
                badge.getStyleClass().addAll("severity-badge", severity.name().toLowerCase(Locale.ROOT));
                setGraphic(badge);
            }
        });
        return column;
    }

    private static <T> TableColumn<Issue, T> column(String key, double width, Function<Issue, T> value) {
        TableColumn<Issue, T> column = new TableColumn<>(Messages.text("issue." + key));
        column.setId("issue-" + key);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        return column;
    }
}
