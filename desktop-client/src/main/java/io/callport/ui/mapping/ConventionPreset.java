package io.callport.ui.mapping;

import io.callport.naming.FileNameConvention;
import io.callport.ui.common.Messages;

/** The choices of the file-name convention builder: none, a known recorder's pattern, or the person's own. */
public enum ConventionPreset {
    NONE(""),
    RECORDER(FileNameConvention.RECORDER_PRESET),
    DIRECTION(FileNameConvention.DIRECTION_PRESET),
    CUSTOM(null);

    private final String pattern;

    ConventionPreset(String pattern) {
        this.pattern = pattern;
    }

    /** The pattern it stands for; null for the person's own. */
    public String pattern() {
        return pattern;
    }

    /** The preset a pattern is, or CUSTOM. */
    public static ConventionPreset of(String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        for (ConventionPreset preset : values()) {
            if (text.equals(preset.pattern)) {
                return preset;
            }
        }
        return CUSTOM;
    }

    @Override
    public String toString() {
        return Messages.text("mapping.convention.preset." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
