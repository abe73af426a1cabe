package io.callport.ui.mapping;

import io.callport.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.util.StringConverter;

/**
 * Shows delimiter and quote characters by name ("Semicolon ;", "Tab") in editable drop-downs, and reads back a
 * name or any single character typed instead.
 */
final class CharacterNames extends StringConverter<String> {
    private final Map<String, String> names = new LinkedHashMap<>();

    private CharacterNames(Map<String, String> keys) {
        keys.forEach((character, key) -> names.put(character, Messages.text(key)));
    }

    static CharacterNames delimiters() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(",", "mapping.char.comma");
        keys.put(";", "mapping.char.semicolon");
        keys.put("\t", "mapping.char.tab");
        keys.put("|", "mapping.char.pipe");
        return new CharacterNames(keys);
    }

    static CharacterNames quotes() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("\"", "mapping.char.doubleQuote");
        keys.put("'", "mapping.char.singleQuote");
        return new CharacterNames(keys);
    }

    /** The characters that have a name, to fill the drop-down. */
    List<String> known() {
        return List.copyOf(names.keySet());
    }

    @Override
    public String toString(String character) {
        return character == null ? "" : names.getOrDefault(character, character);
    }

    @Override
    public String fromString(String text) {
        if (text == null) {
            return null;
        }
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (name.getValue().equals(text)) {
                return name.getKey();
            }
        }
        return text.equals("\\t") ? "\t" : text;
    }
}
