package io.callport.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Read-only table columns of text, as the screens that list what the server holds show them. */
public final class Tables {
    private Tables() {
    }

    /**
     * A column of text.
     *
     * @param id the column's CSS id, for tests and styling
     */
    public static <T> TableColumn<T, String> column(String title, String id, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(value.apply(data.getValue())));
        return column;
    }

    /**
     * A column of text coloured by a style class of its row (such as {@code state-done} or {@code state-failed}),
     * explained on hover.
     *
     * @param style   the style class for a row, or null for none
     * @param tooltip what hovering the cell says, or null for nothing
     */
    public static <T> TableColumn<T, String> styledColumn(String title, String id, double width,
                                                          Function<T, String> value, Function<T, String> style,
                                                          Function<T, String> tooltip) {
        TableColumn<T, String> column = column(title, id, width, value);
        column.setCellFactory(ignored -> new TableCell<>() {
            private String styled;

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().remove(styled);
                styled = null;
                T row = empty ? null : getTableRow().getItem();
                if (row == null || text == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(text);
                styled = style.apply(row);
                if (styled != null) {
                    getStyleClass().add(styled);
                }
                String why = tooltip.apply(row);
                setTooltip(why == null ? null : new Tooltip(why));
            }
        });
        return column;
    }
}
