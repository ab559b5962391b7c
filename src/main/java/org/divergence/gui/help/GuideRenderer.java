package org.divergence.gui.help;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Draws the guide's Markdown as JavaFX nodes: headings, paragraphs as text flows, lists, tables, code blocks and
 * notes, styled by the workbench stylesheet (classes {@code guide-*}), so it follows the light and dark theme.
 * Text matching the search is drawn as highlighted labels, in reading order. HTML in the Markdown is not shown.
 */
final class GuideRenderer {

    /** The drawn guide: its content, the node of each chapter by anchor, and the search matches in order. */
    record Rendered(VBox content, Map<String, javafx.scene.Node> anchors, List<Label> matches) {
    }

    private final UserGuide guide;
    private final String query;
    private final Consumer<String> openLink;
    private final Map<String, javafx.scene.Node> anchors = new LinkedHashMap<>();
    private final List<Label> matches = new ArrayList<>();

    private GuideRenderer(UserGuide guide, String query, Consumer<String> openLink) {
        this.guide = guide;
        this.query = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        this.openLink = openLink;
    }

    /** {@code openLink} gets a link's destination: {@code #anchor} within the guide, or a web address. */
    static Rendered render(UserGuide guide, String query, Consumer<String> openLink) {
        GuideRenderer renderer = new GuideRenderer(guide, query, openLink);
        VBox content = renderer.blocks(guide.document());
        content.getStyleClass().add("guide-content");
        return new Rendered(content, renderer.anchors, renderer.matches);
    }

    private VBox blocks(Node parent) {
        VBox box = new VBox(8);
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            javafx.scene.Node drawn = block(node);
            if (drawn != null) {
                box.getChildren().add(drawn);
            }
        }
        return box;
    }

    private javafx.scene.Node block(Node node) {
        return switch (node) {
            case Heading heading -> heading(heading);
            case Paragraph paragraph -> flow(paragraph, "guide-paragraph");
            case BulletList list -> list(list, false);
            case OrderedList list -> list(list, true);
            case FencedCodeBlock code -> codeBlock(code.getLiteral());
            case IndentedCodeBlock code -> codeBlock(code.getLiteral());
            case BlockQuote quote -> note(quote);
            case TableBlock table -> table(table);
            case ThematicBreak _ -> styled(new Region(), "guide-rule");
            default -> null; // HTML blocks and link definitions are not shown
        };
    }

    private javafx.scene.Node heading(Heading heading) {
        TextFlow flow = flow(heading, "guide-h" + Math.min(heading.getLevel(), 4));
        UserGuide.Chapter chapter = guide.chapterOf(heading);
        if (chapter != null) {
            flow.setId("guide-" + chapter.anchor());
            anchors.put(chapter.anchor(), flow);
        }
        return flow;
    }

    private TextFlow flow(Node parent, String styleClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add(styleClass);
        inlines(parent, flow, List.of(), null);
        return flow;
    }

    /** Adds the inline content of {@code parent} to {@code flow}, with the style classes of its enclosing spans. */
    private void inlines(Node parent, TextFlow flow, List<String> styles, String link) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text text -> text(text.getLiteral(), flow, styles, link);
                case Code code -> text(code.getLiteral(), flow, with(styles, "guide-code"), link);
                case Emphasis emphasis -> inlines(emphasis, flow, with(styles, "guide-em"), link);
                case StrongEmphasis strong -> inlines(strong, flow, with(styles, "guide-strong"), link);
                case Link target -> inlines(target, flow, with(styles, "guide-link"), target.getDestination());
                case SoftLineBreak _ -> text(" ", flow, styles, link);
                case HardLineBreak _ -> text("\n", flow, styles, link);
                default -> inlines(node, flow, styles, link);
            }
        }
    }

    private static List<String> with(List<String> styles, String style) {
        List<String> more = new ArrayList<>(styles);
        more.add(style);
        return more;
    }

    /** A run of text; the parts matching the search become highlighted labels. */
    private void text(String literal, TextFlow flow, List<String> styles, String link) {
        int from = 0;
        if (!query.isEmpty()) {
            String lower = literal.toLowerCase(Locale.ROOT);
            int at;
            while ((at = lower.indexOf(query, from)) >= 0) {
                if (at > from) {
                    flow.getChildren().add(run(literal.substring(from, at), styles, link));
                }
                Label match = new Label(literal.substring(at, at + query.length()));
                match.getStyleClass().add("guide-match");
                match.getStyleClass().addAll(styles);
                matches.add(match);
                flow.getChildren().add(match);
                from = at + query.length();
            }
        }
        if (from < literal.length()) {
            flow.getChildren().add(run(literal.substring(from), styles, link));
        }
    }

    private javafx.scene.text.Text run(String text, List<String> styles, String link) {
        javafx.scene.text.Text run = new javafx.scene.text.Text(text);
        run.getStyleClass().add("guide-text");
        run.getStyleClass().addAll(styles);
        if (link != null) {
            run.setCursor(Cursor.HAND);
            run.setOnMouseClicked(event -> openLink.accept(link));
        }
        return run;
    }

    private javafx.scene.Node list(Node list, boolean ordered) {
        VBox items = new VBox(4);
        items.getStyleClass().add("guide-list");
        int number = list instanceof OrderedList orderedList && orderedList.getMarkerStartNumber() != null
                ? orderedList.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                Label marker = new Label(ordered ? (number++) + "." : "•");
                marker.getStyleClass().add("guide-list-marker");
                marker.setMinWidth(22);
                VBox body = blocks(item);
                body.setSpacing(4);
                HBox.setHgrow(body, Priority.ALWAYS);
                items.getChildren().add(new HBox(4, marker, body));
            }
        }
        return items;
    }

    private javafx.scene.Node codeBlock(String literal) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("guide-code-block");
        text(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal, flow,
                List.of("guide-code"), null);
        return flow;
    }

    private javafx.scene.Node note(BlockQuote quote) {
        VBox note = blocks(quote);
        note.getStyleClass().add("guide-note");
        return note;
    }

    /** A table: a grid whose columns are as wide as their longest text suggests, wrapping within them. */
    private javafx.scene.Node table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        List<List<TableCell>> rows = new ArrayList<>();
        collectRows(table, rows);
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] longest = new int[columns];
        for (List<TableCell> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                longest[c] = Math.max(longest[c], Math.min(60, UserGuide.plainText(row.get(c)).length()));
            }
        }
        double total = Math.max(1, java.util.Arrays.stream(longest).map(n -> Math.max(n, 6)).sum());
        for (int c = 0; c < columns; c++) {
            ColumnConstraints constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 * Math.max(longest[c], 6) / total);
            constraint.setHalignment(HPos.LEFT);
            grid.getColumnConstraints().add(constraint);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<TableCell> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                TextFlow cell = flow(row.get(c), row.get(c).isHeader() ? "guide-table-header" : "guide-table-cell");
                cell.setPadding(new Insets(3, 8, 3, 6));
                grid.add(cell, c, r);
            }
        }
        return grid;
    }

    private static void collectRows(Node node, List<List<TableCell>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow) {
                List<TableCell> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tableCell) {
                        cells.add(tableCell);
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static <T extends javafx.scene.Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
