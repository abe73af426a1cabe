package io.callport.ui.common;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The Uploader's texts: every word a person reads comes from {@code io/callport/ui/messages.properties}. */
public final class Messages {
    public static final String BUNDLE = "io.callport.ui.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    public static String text(String key) {
        return bundle().getString(key);
    }

    /**
     * The word for a code the server sends (a status, a source, a reason), from the text {@code prefix + code}; a code
     * this Uploader does not know is shown as the server wrote it.
     */
    public static String named(String prefix, String code) {
        if (code == null) {
            return "";
        }
        return bundle().containsKey(prefix + code) ? text(prefix + code) : code;
    }

    /** A text with {0}-style placeholders filled in, numbers and dates in the user's locale. */
    public static String format(String key, Object... arguments) {
        ResourceBundle bundle = bundle();
        return new MessageFormat(bundle.getString(key), bundle.getLocale()).format(arguments);
    }
}
