package org.divergence.gui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.divergence.cli.Cli;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.Shortcut;
import org.divergence.gui.common.Shortcuts;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The user guide keeps up with the app: a chapter per command, per screen, and every shortcut. */
class GuideCoversTheAppTest {

    private final UserGuide guide = UserGuide.load();

    /** Commands come from picocli's model of the command line, so a new command fails here until it is documented. */
    @Test
    void everyCommandAndSubcommandHasAChapter() {
        List<String> commands = new ArrayList<>();
        collect(Cli.commandLine(new String[0]), "", commands);
        assertTrue(commands.contains("transcripts import"), "found the subcommands: " + commands);
        List<String> missing = commands.stream().filter(command -> !guide.documentedCommands().contains(command))
                .toList();
        assertEquals(List.of(), missing, "commands without a \"### `command`\" chapter under \""
                + UserGuide.COMMAND_LINE_CHAPTER + "\" in " + UserGuide.RESOURCE);
        List<String> stale = guide.documentedCommands().stream().filter(command -> !commands.contains(command))
                .toList();
        assertEquals(List.of(), stale, "chapters for commands that do not exist");
    }

    private static void collect(CommandLine command, String prefix, List<String> into) {
        for (var entry : command.getSubcommands().entrySet()) {
            CommandLine sub = entry.getValue();
            if (!entry.getKey().equals(sub.getCommandName())) {
                continue; // an alias ("collect hf") names a command listed already
            }
            String path = prefix + sub.getCommandName();
            into.add(path);
            collect(sub, path + " ", into);
        }
    }

    @Test
    void everyScreenHasAChapterF1CanOpen() {
        List<String> screens = guide.sectionsOf(UserGuide.SCREENS_CHAPTER).stream().map(UserGuide.Chapter::title)
                .toList();
        for (Section section : Section.values()) {
            assertTrue(screens.contains(section.title()), section.title() + " has no chapter: " + screens);
        }
    }

    @Test
    void theShortcutsChapterListsEveryShortcut() {
        String markdown = markdown();
        int start = markdown.indexOf("\n## Keyboard shortcuts\n");
        int end = markdown.indexOf("\n## ", start + 1);
        String chapter = markdown.substring(start, end < 0 ? markdown.length() : end);
        Set<String> rows = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\| [^|]+ \\| ([^|]+) \\|$").matcher(chapter);
        while (row.find()) {
            rows.add(row.group(1).strip() + " @ " + row.group(2).strip().toLowerCase(Locale.ROOT));
        }
        rows.remove("keys @ where");
        Set<String> listed = new HashSet<>();
        for (Shortcut shortcut : Shortcuts.all()) {
            String key = shortcut.displayKeys() + " @ " + shortcut.where().toLowerCase(Locale.ROOT);
            listed.add(key);
            assertTrue(rows.contains(key), "the guide's shortcut table lacks " + key);
        }
        rows.removeAll(listed);
        assertEquals(Set.of(), rows, "rows of the guide's table for shortcuts the app does not have");
    }

    @Test
    void anchorsAreUniqueAndLinksInsideTheGuideLeadSomewhere() {
        Set<String> anchors = new HashSet<>();
        for (UserGuide.Chapter chapter : guide.chapters()) {
            assertTrue(anchors.add(chapter.anchor()), "anchor used twice: " + chapter.anchor());
        }
        Matcher link = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(markdown());
        int links = 0;
        while (link.find()) {
            links++;
            assertTrue(anchors.contains(link.group(1)), "a link to a chapter that does not exist: #" + link.group(1));
        }
        assertTrue(links > 0);
    }

    @Test
    void anchorsAreTheHeadingsInLowerCaseJoinedByDashesNumberedWhenRepeated() {
        UserGuide small = UserGuide.parse("# A Title\n\n## Compare\n\n### `compare`\n\n### Tags and tag rules\n");
        assertEquals(List.of("a-title", "compare", "compare-2", "tags-and-tag-rules"),
                small.chapters().stream().map(UserGuide.Chapter::anchor).toList());
        assertEquals(List.of(false, false, true, false), small.chapters().stream().map(UserGuide.Chapter::code).toList());
    }

    /** The guide's Markdown without its opening comment (which shows the notation). */
    private static String markdown() {
        try (var in = UserGuide.class.getResourceAsStream(UserGuide.RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll("(?s)<!--.*?-->", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
