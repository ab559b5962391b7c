package org.divergence.gui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the app, in one list: Help → Keyboard shortcuts shows it, the user guide's "Keyboard
 * shortcuts" chapter lists the same keys, and tests check that the menus' and windows' accelerators are all in it.
 * The window's own shortcuts are constants here, so the menus take them from the list.
 */
public final class Shortcuts {

    public static final String EVERYWHERE = "Everywhere";

    public static final Shortcut NEW_PROJECT = Shortcut.of("Shortcut+N", "New project", EVERYWHERE);
    public static final Shortcut OPEN_PROJECT = Shortcut.of("Shortcut+O", "Open a project", EVERYWHERE);
    public static final Shortcut IMPORT = Shortcut.of("Shortcut+I",
            "Import repository samples, transcripts or a REFI-QDA project", EVERYWHERE);
    public static final Shortcut EXPORT = Shortcut.of("Shortcut+Shift+E", "Export (REFI-QDA project or codebook)",
            EVERYWHERE);
    public static final Shortcut COLLECT = Shortcut.of("Shortcut+Shift+L", "Collect from GitHub / Hugging Face",
            EVERYWHERE);
    public static final Shortcut QUIT = Shortcut.of("Shortcut+Q", "Quit", EVERYWHERE);
    public static final Shortcut UNDO = Shortcut.of("Shortcut+Z", "Undo", EVERYWHERE);
    public static final Shortcut REDO = Shortcut.of("Shortcut+Shift+Z", "Redo", EVERYWHERE);
    public static final Shortcut DARK_THEME = Shortcut.of("Shortcut+Shift+D", "Dark theme on or off", EVERYWHERE);
    public static final Shortcut USER_GUIDE = Shortcut.of("F1", "User guide, at the chapter of the screen shown",
            EVERYWHERE);
    public static final Shortcut SHORTCUTS = Shortcut.of("Shortcut+Slash", "This list of keyboard shortcuts",
            EVERYWHERE);
    public static final Shortcut CANCEL_TASK = Shortcut.of("Esc", "Cancel the task shown in the status bar",
            EVERYWHERE);
    public static final Shortcut FIND_IN_GUIDE = Shortcut.of("Shortcut+F", "Search the guide", "User guide");

    private Shortcuts() {
    }

    /** Every key combination the list names, the sections' one by one. */
    public static Set<KeyCombination> combinations() {
        Set<KeyCombination> combinations = new HashSet<>();
        all().stream().map(Shortcut::combination).filter(Objects::nonNull).forEach(combinations::add);
        for (Section section : Section.values()) {
            combinations.add(section(section).combination());
        }
        return combinations;
    }

    /** Ctrl+1 … Ctrl+7 open the sections in the order of the navigation. */
    public static Shortcut section(Section section) {
        return Shortcut.of("Shortcut+" + (section.ordinal() + 1), "Open " + section.title(), EVERYWHERE);
    }

    /** Every shortcut, grouped by where it works (Ctrl+1 … Ctrl+7 as one entry). */
    public static List<Shortcut> all() {
        List<Shortcut> all = new ArrayList<>(List.of(NEW_PROJECT, OPEN_PROJECT, IMPORT, EXPORT, COLLECT, QUIT, UNDO,
                REDO));
        Section last = Section.values()[Section.values().length - 1];
        all.add(Shortcut.keys(section(Section.values()[0]).keys() + " … " + section(last).keys(), "Open "
                + String.join(", ", Arrays.stream(Section.values()).map(Section::title).toList()),
                EVERYWHERE));
        all.addAll(List.of(DARK_THEME, USER_GUIDE, SHORTCUTS, CANCEL_TASK,
                Shortcut.of("F10", "Go to the menu bar", EVERYWHERE),
                Shortcut.of("Shortcut+F", "Filter by name", "Repositories"),
                Shortcut.of("Shortcut+T", "Tag the selected repositories", "Repositories"),
                Shortcut.of("Shortcut+Shift+C", "Copy the table as Markdown", "Compare"),
                Shortcut.of("F5", "Compute again", "Compare"),
                Shortcut.keys("Alt+1 … Alt+6", "Chart type: box, ECDF, histogram, shares, effect sizes, time view",
                        "Charts"),
                Shortcut.of("Shortcut+0", "Reset the zoom", "Charts"),
                Shortcut.of("Shortcut+E", "Export the chart as PNG", "Charts"),
                Shortcut.of("F5", "Draw again", "Charts"),
                Shortcut.of("Shortcut+K", "Quick code: find a code and apply it to the selection", "Interviews"),
                Shortcut.keys("1–9", "Apply a recent code to the selection", "Interviews"),
                Shortcut.keys("Enter", "Apply the code selected in the code tree", "Interviews"),
                Shortcut.keys("Enter / Esc", "Apply the highlighted code / close", "Quick code"),
                Shortcut.of("Insert", "Add a code", "Codebook"),
                Shortcut.of("Shift+Insert", "Add a sub-code of the selected code", "Codebook"),
                Shortcut.of("F2", "Rename the selected code", "Codebook"),
                Shortcut.of("Delete", "Delete the selected code", "Codebook"),
                Shortcut.of("Shortcut+S", "Save the code's details", "Codebook"),
                Shortcut.keys("Enter", "Show the selected disagreement in the text", "Agreement"),
                Shortcut.of("Shortcut+E", "Export the report", "Report"),
                Shortcut.of("F5", "Prepare the report again", "Report"),
                Shortcut.of("Shortcut+S", "Save the interpretation", "Report → Joint display"),
                Shortcut.of("Shortcut+Shift+C", "Copy the joint display as Markdown", "Report → Joint display"),
                FIND_IN_GUIDE,
                Shortcut.keys("Enter / Shift+Enter", "Next / previous match", "User guide")));
        return List.copyOf(all);
    }
}
