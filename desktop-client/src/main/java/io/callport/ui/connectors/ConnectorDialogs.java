package io.callport.ui.connectors;

import io.callport.api.Connector;
import io.callport.ui.common.Messages;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The questions the Connectors screen asks before it changes something that cannot simply be undone. */
final class ConnectorDialogs {
    private ConnectorDialogs() {
    }

    /**
     * Shows the fingerprint the connector's server presented (editable, for one read from the customer) beside the one
     * pinned, and asks the admin to confirm it; the dialog's result is the fingerprint confirmed, null on Cancel.
     */
    static Dialog<String> confirmHostKey(Window owner, Connector connector) {
        Dialog<String> dialog = dialog(owner, "connectors.hostKey.title",
                Messages.format("connectors.hostKey.header", connector.name()));
        ButtonType confirm = new ButtonType(Messages.text("connectors.hostKey.confirm"), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel());
        String offered = connector.status() == null ? null : connector.status().offeredFingerprint();
        TextField presented = new TextField(Objects.requireNonNullElse(offered, ""));
        presented.setId("presentedFingerprintField");
        presented.getStyleClass().add("monospace");
        presented.setPrefColumnCount(52);
        presented.setAccessibleHelp(Messages.text("connectors.hostKey.presented.help"));
        Label pinned = new Label(Objects.requireNonNullElse(connector.hostKeyFingerprint(), ""));
        pinned.setId("pinnedFingerprintLabel");
        pinned.getStyleClass().add("monospace");
        GridPane fingerprints = new GridPane(10, 8);
        fingerprints.addRow(0, formLabel("connectors.hostKey.pinnedBefore", pinned), pinned);
        fingerprints.addRow(1, formLabel("connectors.hostKey.presented", presented), presented);
        Label explanation = new Label(Messages.format("connectors.hostKey.explain",
                connector.host() + ":" + connector.port()));
        explanation.setWrapText(true);
        explanation.setMaxWidth(620);
        dialog.getDialogPane().setContent(new VBox(14, explanation, fingerprints));
        Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("acceptHostKeyButton");
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !presented.getText().strip().startsWith("SHA256:"), presented.textProperty()));
        dialog.setResultConverter(button -> button == confirm ? presented.getText().strip() : null);
        dialog.setOnShown(event -> presented.requestFocus());
        return dialog;
    }

    /** Asks before a connector is removed; the dialog's result is true when the admin confirms. */
    static Dialog<Boolean> confirmDelete(Window owner, Connector connector) {
        Dialog<Boolean> dialog = dialog(owner, "connectors.delete.title",
                Messages.format("connectors.delete.header", connector.name()));
        ButtonType remove = new ButtonType(Messages.text("connectors.delete.confirm"), ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(remove, cancel());
        dialog.getDialogPane().lookupButton(remove).setId("confirmDeleteButton");
        Label explanation = new Label(Messages.text("connectors.delete.explain"));
        explanation.setWrapText(true);
        explanation.setMaxWidth(520);
        dialog.getDialogPane().setContent(explanation);
        dialog.setResultConverter(button -> button == remove);
        return dialog;
    }

    /** A dialog over the window, in the window's theme. */
    private static <R> Dialog<R> dialog(Window owner, String titleKey, String header) {
        Dialog<R> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.text(titleKey));
        dialog.setHeaderText(header);
        dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        return dialog;
    }

    private static ButtonType cancel() {
        return new ButtonType(Messages.text("connectors.dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }

    private static Label formLabel(String key, Node field) {
        Label label = new Label(Messages.text(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("form-label");
        return label;
    }
}
