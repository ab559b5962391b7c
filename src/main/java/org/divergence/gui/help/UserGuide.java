package org.divergence.gui.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The user guide bundled in the jar: Markdown ({@value #RESOURCE}) parsed once, with its chapters. Chapter titles
 * are its headings; each has an anchor (its text in lower case, words joined by "-", numbered when used twice) that
 * links ({@code [see](#anchor)}) and F1 jump to. Holds no controls, so it is tested without a toolkit.
 */
public final class UserGuide {

    public static final String RESOURCE = "/org/divergence/gui/help/user-guide.md";
    /** The chapter whose level-3 headings are the commands, each a code span: {@code ### `transcripts import`}. */
    public static final String COMMAND_LINE_CHAPTER = "The command line";
    /** The chapter whose level-3 headings are the screens, titled as the navigation names them. */
    public static final String SCREENS_CHAPTER = "The screens";

    /** A heading: its level (1–6), its text without formatting, its anchor, and whether it is all code. */
    public record Chapter(int level, String title, String anchor, boolean code) {
    }

    private final Node document;
    private final List<Chapter> chapters;
    private final Map<Heading, Chapter> byHeading;

    private UserGuide(Node document, List<Chapter> chapters, Map<Heading, Chapter> byHeading) {
        this.document = document;
        this.chapters = List.copyOf(chapters);
        this.byHeading = byHeading;
    }

    /** The guide in the jar. */
    public static UserGuide load() {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The user guide " + RESOURCE + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UserGuide parse(String markdown) {
        Node document = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown);
        List<Chapter> chapters = new ArrayList<>();
        Map<Heading, Chapter> byHeading = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String title = plainText(heading);
                String slug = slug(title);
                int count = used.merge(slug, 1, Integer::sum);
                Chapter chapter = new Chapter(heading.getLevel(), title, count == 1 ? slug : slug + "-" + count,
                        isAllCode(heading));
                chapters.add(chapter);
                byHeading.put(heading, chapter);
            }
        }
        return new UserGuide(document, chapters, byHeading);
    }

    /** The parsed Markdown, for the renderer. */
    Node document() {
        return document;
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    Chapter chapterOf(Heading heading) {
        return byHeading.get(heading);
    }

    /** The first chapter with this title (any level). */
    public Optional<Chapter> chapter(String title) {
        return chapters.stream().filter(chapter -> chapter.title().equals(title)).findFirst();
    }

    /** The level-3 chapters inside the level-2 chapter {@code parent}, in order. */
    public List<Chapter> sectionsOf(String parent) {
        List<Chapter> inside = new ArrayList<>();
        boolean within = false;
        for (Chapter chapter : chapters) {
            if (chapter.level() <= 2) {
                within = chapter.level() == 2 && chapter.title().equals(parent);
            } else if (within && chapter.level() == 3) {
                inside.add(chapter);
            }
        }
        return inside;
    }

    /** The commands the guide documents: the code-only level-3 headings of the command line chapter. */
    public List<String> documentedCommands() {
        return sectionsOf(COMMAND_LINE_CHAPTER).stream().filter(Chapter::code).map(Chapter::title).toList();
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }

    /** The text of a node and its descendants, without formatting. */
    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        appendText(node, text);
        return text.toString().strip();
    }

    private static void appendText(Node node, StringBuilder text) {
        if (node instanceof Text literal) {
            text.append(literal.getLiteral());
        } else if (node instanceof Code code) {
            text.append(code.getLiteral());
        } else if (node instanceof org.commonmark.node.SoftLineBreak
                || node instanceof org.commonmark.node.HardLineBreak) {
            text.append(' ');
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            appendText(child, text);
        }
    }

    private static boolean isAllCode(Heading heading) {
        Node only = heading.getFirstChild();
        return only instanceof Code && only.getNext() == null;
    }
}
