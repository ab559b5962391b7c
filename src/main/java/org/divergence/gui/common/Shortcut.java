package org.divergence.gui.common;

import java.util.Locale;
import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut as Help → Keyboard shortcuts and the user guide list it: the keys ("Shortcut" is Ctrl, or
 * ⌘ on macOS), what they do and where. {@code combination} is null for keys that are not one combination ("1–9").
 */
public record Shortcut(KeyCombination combination, String keys, String action, String where) {

    /** A key combination in JavaFX's notation, e.g. "Shortcut+Shift+E" or "F1". */
    public static Shortcut of(String combination, String action, String where) {
        return new Shortcut(KeyCombination.keyCombination(combination), combination, action, where);
    }

    /** Keys that are not a single combination, e.g. "1–9" or "Shift+Enter" in a search field. */
    public static Shortcut keys(String keys, String action, String where) {
        return new Shortcut(null, keys, action, where);
    }

    /** The keys as this system names them: Ctrl on Linux and Windows, ⌘ on macOS. */
    public String displayKeys() {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        return keys.replace("Shortcut", mac ? "⌘" : "Ctrl").replace("Slash", "/");
    }
}
