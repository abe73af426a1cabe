package io.callport.ui.common;

import io.callport.validate.Severity;
import java.util.Locale;
import javafx.scene.Node;

/** The style classes that colour something by the severity of its issue: issue-error, issue-warning, issue-info. */
public final class IssueStyles {
    private static final String PREFIX = "issue-";

    private IssueStyles() {
    }

    public static void mark(Node node, Severity severity) {
        clear(node);
        node.getStyleClass().add(PREFIX + severity.name().toLowerCase(Locale.ROOT));
    }

    public static void clear(Node node) {
        node.getStyleClass().removeIf(style -> style.startsWith(PREFIX));
    }

    /** The word a person reads for a severity. */
    public static String label(Severity severity) {
        return Messages.text("severity." + severity.name().toLowerCase(Locale.ROOT));
    }
}
