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

    /** Every column, for the batch report: severity, code, file, line, column, value, message. */
    public static void installFull(TableView<Issue> table, String placeholder) {
        install(table, placeholder, true);
    }

    /** Severity, line, column and message, for a narrow table about one file; the code shows on hover. */
    public static void installCompact(TableView<Issue> table, String placeholder) {
        install(table, placeholder, false);
    }

    private static void install(TableView<Issue> table, String placeholder, boolean full) {
        table.setPlaceholder(new Label(placeholder));
        // the message takes the room left, so it is readable without scrolling sideways
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(severityColumn()));
        if (full) {
            table.getColumns().add(column("code", 200, issue -> issue.code().name()));
            table.getColumns().add(column("file", 160, Issue::file));
        }
        TableColumn<Issue, Long> line = column("line", 56, issue -> issue.line() > 0 ? issue.line() : null);
        line.setMinWidth(48);
        table.getColumns().add(line);
        table.getColumns().add(column("column", 130, Issue::column));
        if (full) {
            table.getColumns().add(column("value", 140, Issue::value));
        }
        TableColumn<Issue, String> message = column("message", 400, Issue::message);
        message.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                Issue issue = empty ? null : getTableRow().getItem();
                setText(issue == null ? null : text);
                setTooltip(issue == null ? null : new Tooltip(issue.code() + ": " + issue.message()));
            }
        });
        table.getColumns().add(message);
    }

    private static TableColumn<Issue, Severity> severityColumn() {
        TableColumn<Issue, Severity> column = new TableColumn<>(Messages.text("issue.severity"));
        column.setId("issue-severity");
        column.setPrefWidth(92);
        column.setMinWidth(86);
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
