package org.divergence.gui.coding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.util.Duration;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.InlineCssTextArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.divergence.gui.common.BackgroundTask;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The transcript editor: read-only RichTextFX text with coded text tinted, overlaps underlined, speaker labels in
 * bold, a margin with a labelled coding stripe per code in each paragraph ({@link StripeMargin}), and code names on
 * hover. Offsets are converted between UTF-16 (the control) and code points (the view model) here, and only here.
 */
final class CodingEditor {

    static final String CODE_DRAG_PREFIX = "divergence-code:";
    /** At most this many stripes side by side; more in one paragraph share the outermost place. */
    private static final int MAX_LANES = 8;

    private final CodingViewModel viewModel;
    private final InlineCssTextArea area = new InlineCssTextArea();
    private final VirtualizedScrollPane<InlineCssTextArea> scroll = new VirtualizedScrollPane<>(area);
    private final Tooltip hover = new Tooltip();
    private Map<Long, Coding> shown = Map.of();
    private int[] paragraphStarts = new int[] {0};
    private double labelWidth = labelWidth(0);
    private boolean updatingSelection;
    private long documentGeneration;

    CodingEditor(CodingViewModel viewModel) {
        this.viewModel = viewModel;
        area.setId("coding-editor");
        area.getStyleClass().add("coding-editor");
        area.setEditable(false);
        area.setWrapText(true);
        area.setMouseOverTextDelay(java.time.Duration.ofMillis(350));
        area.setContextMenu(null);
        hover.setShowDelay(Duration.ZERO);
        viewModel.documentProperty().addListener((obs, old, document) -> showDocument(document));
        viewModel.codings().addListener((ListChangeListener<Coding>) change -> restyleChanged(false));
        viewModel.coderFilterProperty().addListener((obs, old, coder) -> restyleChanged(true));
        viewModel.workspace().blindCodingProperty().addListener((obs, old, blind) -> restyleChanged(true));
        viewModel.workspace().currentCoderProperty().addListener((obs, old, coder) -> {
            if (viewModel.workspace().blindCodingProperty().get()) {
                restyleChanged(true);
            }
        });
        viewModel.workspace().codebookProperty().addListener((obs, old, codebook) -> restyleChanged(true));
        area.selectionProperty().addListener((obs, old, range) -> selectionChanged());
        area.caretPositionProperty().addListener((obs, old, caret) -> caretMoved());
        viewModel.pendingSelectionProperty().addListener((obs, old, pending) -> showPending());
        viewModel.selectionStartProperty().addListener((obs, old, value) -> showPending());
        viewModel.collapseRequestProperty().addListener((obs, old, request) -> collapseSelection(request));
        area.widthProperty().addListener((obs, old, width) -> {
            double next = labelWidth(width.doubleValue());
            if (Math.abs(next - labelWidth) >= 8) {
                labelWidth = next;
                refreshMargin();
            }
        });
        installHover();
        installKeys();
        installDrop();
    }

    /** The stripes' labels take a fifth of the editor, within limits, so narrow windows keep room for the text. */
    private static double labelWidth(double editorWidth) {
        return Math.clamp(editorWidth * 0.22, 80, 170);
    }

    Node node() {
        return scroll;
    }

    InlineCssTextArea area() {
        return area;
    }

    /**
     * Shows a newly opened transcript. The styled document (text, codings' tints, speaker labels) is built off the
     * FX thread and swapped in with one replace; codings that changed meanwhile are restyled right after.
     */
    private void showDocument(TranscriptDocument document) {
        shown = Map.of();
        long generation = ++documentGeneration;
        if (document == null) {
            area.replaceText("");
            return;
        }
        List<Coding> visible = viewModel.visibleCodings();
        Codebook codebook = viewModel.workspace().codebook();
        viewModel.workspace().tasks().execute(BackgroundTask.of("Showing " + document.info().name(), progress -> {
            List<CodeStyles.Run> runs = CodeStyles.runs(0, document.text().length(), visible, document.turns(),
                    document.index(), codebook);
            return styledDocument(document.text(), runs);
        }).quiet().onSuccess(styled -> {
            if (generation != documentGeneration || viewModel.document() != document) {
                return;
            }
            area.replace(0, area.getLength(), styled);
            area.getUndoManager().forgetHistory();
            paragraphStarts = paragraphStarts(document.text());
            area.moveTo(0);
            area.requestFollowCaret();
            shown = visible.stream().collect(Collectors.toMap(Coding::id, c -> c, (a, b) -> a));
            restyleChanged(false);
            refreshMargin();
            showPending();
        }));
    }

    /** The text as a RichTextFX document with the given style runs, one paragraph per line. */
    static ReadOnlyStyledDocument<String, String, String> styledDocument(String text, List<CodeStyles.Run> runs) {
        ReadOnlyStyledDocumentBuilder<String, String, String> builder =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), "");
        int runIndex = 0;
        int runLeft = runs.isEmpty() ? Integer.MAX_VALUE : runs.getFirst().length();
        int lineStart = 0;
        while (true) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            StyleSpansBuilder<String> spans = new StyleSpansBuilder<>();
            int position = lineStart;
            int paragraphEnd = newline < 0 ? lineEnd : lineEnd + 1;
            while (position < paragraphEnd) {
                String style = runIndex < runs.size() ? runs.get(runIndex).style() : "";
                int take = Math.min(runLeft, paragraphEnd - position);
                int inLine = Math.min(take, lineEnd - position);
                if (inLine > 0) {
                    spans.add(style, inLine);
                }
                position += take;
                runLeft -= take;
                if (runLeft == 0 && runIndex < runs.size()) {
                    runIndex++;
                    runLeft = runIndex < runs.size() ? runs.get(runIndex).length() : Integer.MAX_VALUE;
                }
            }
            if (lineEnd == lineStart) {
                spans.add("", 0);
            }
            builder.addParagraph(text.substring(lineStart, lineEnd), spans.create());
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return builder.build();
    }

    private static int[] paragraphStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }

    /** Restyles what changed since the last call: the whole text, or only the span of the codings that changed. */
    private void restyleChanged(boolean everything) {
        TranscriptDocument document = viewModel.document();
        if (document == null || area.getLength() != document.index().utf16Length()) {
            return;
        }
        List<Coding> visible = viewModel.visibleCodings();
        Map<Long, Coding> next = visible.stream().collect(Collectors.toMap(Coding::id, c -> c, (a, b) -> a));
        int from = Integer.MAX_VALUE;
        int to = -1;
        if (everything) {
            from = 0;
            to = document.index().codePointLength();
        } else {
            for (Coding coding : next.values()) {
                if (!coding.equals(shown.get(coding.id()))) {
                    from = Math.min(from, coding.start());
                    to = Math.max(to, coding.end());
                }
            }
            for (Coding coding : shown.values()) {
                if (!next.containsKey(coding.id())) {
                    from = Math.min(from, coding.start());
                    to = Math.max(to, coding.end());
                }
            }
        }
        shown = next;
        if (to > from) {
            int start = document.index().toUtf16(Math.clamp(from, 0, document.index().codePointLength()));
            int end = document.index().toUtf16(Math.clamp(to, 0, document.index().codePointLength()));
            StyleSpansBuilder<String> builder = new StyleSpansBuilder<>();
            for (CodeStyles.Run run : CodeStyles.runs(start, end, visible, document.turns(), document.index(),
                    viewModel.workspace().codebook())) {
                builder.add(run.style(), run.length());
            }
            if (end > start) {
                area.setStyleSpans(start, builder.create());
            }
        }
        refreshMargin();
    }

    /** Recreates the visible paragraphs' margins. */
    private void refreshMargin() {
        area.setParagraphGraphicFactory(null);
        area.setParagraphGraphicFactory(marginFactory());
    }

    private IntFunction<Node> marginFactory() {
        TranscriptDocument document = viewModel.document();
        List<Coding> visible = List.copyOf(shown.values());
        Codebook codebook = viewModel.workspace().codebook();
        boolean perCoder = CodingStripes.severalCoders(visible);
        int[] starts = document == null ? new int[] {0} : paragraphStartsInCodePoints(document);
        int lanes = Math.clamp(CodingStripes.mostPerParagraph(starts, visible, perCoder), 1, MAX_LANES);
        double width = labelWidth;
        return paragraph -> {
            if (document == null || paragraph >= starts.length) {
                return new StripeMargin(width, lanes, List.of(), (stripe, event) -> { }, () -> { }, stripe -> { });
            }
            int end = paragraph + 1 < starts.length ? starts[paragraph + 1] : document.index().codePointLength();
            List<CodingStripes.Stripe> stripes = CodingStripes.of(starts[paragraph], end, visible, codebook,
                    perCoder, viewModel::coderName);
            return new StripeMargin(width, lanes, stripes, this::showStripeHint, hover::hide,
                    stripe -> viewModel.goTo(stripe.first().transcriptId(), stripe.first().start(),
                            stripe.first().end()));
        };
    }

    private int[] paragraphStartsInCodePoints(TranscriptDocument document) {
        int[] starts = new int[paragraphStarts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = document.index().toCodePoint(Math.min(paragraphStarts[i], document.index().utf16Length()));
        }
        return starts;
    }

    /** One shared tooltip, filled on hover: a tooltip per stripe would cost a popup per stripe. */
    private void showStripeHint(CodingStripes.Stripe stripe, javafx.scene.input.MouseEvent event) {
        Coding first = stripe.first();
        hover.setText(stripe.path() + "\n" + viewModel.coderName(first.coderId())
                + (stripe.codings().size() > 1 ? " · " + stripe.codings().size() + " codings in this turn" : "")
                + (viewModel.hasMemo(first) ? " · has a memo" : "") + "\nClick to select its text");
        hover.show((Node) event.getSource(), event.getScreenX() + 10, event.getScreenY() + 10);
    }

    private void selectionChanged() {
        TranscriptDocument document = viewModel.document();
        if (document == null || updatingSelection) {
            return;
        }
        var range = area.getSelection();
        updatingSelection = true;
        try {
            int start = document.index().toCodePoint(Math.min(range.getStart(), document.index().utf16Length()));
            int end = document.index().toCodePoint(Math.min(range.getEnd(), document.index().utf16Length()));
            viewModel.selectionStartProperty().set(start);
            viewModel.selectionEndProperty().set(end);
        } finally {
            updatingSelection = false;
        }
    }

    private void caretMoved() {
        TranscriptDocument document = viewModel.document();
        if (document != null && area.getSelection().getLength() == 0) {
            viewModel.refreshCaret(document.index().toCodePoint(Math.min(area.getCaretPosition(),
                    document.index().utf16Length())));
        }
    }

    /** Selects a range the view model asked for (jump to source, a clicked margin bar). */
    private void showPending() {
        CodingViewModel.Selection pending = viewModel.pendingSelectionProperty().get();
        TranscriptDocument document = viewModel.document();
        if (pending == null || document == null || document.info().id() != pending.transcriptId() || updatingSelection) {
            return;
        }
        if (area.getLength() != document.index().utf16Length()) {
            return; // the new text is still being built off the FX thread; showDocument calls this once it is in
        }
        int start = document.index().toUtf16(Math.clamp(pending.start(), 0, document.index().codePointLength()));
        int end = document.index().toUtf16(Math.clamp(pending.end(), 0, document.index().codePointLength()));
        updatingSelection = true;
        try {
            area.selectRange(start, end);
            area.requestFollowCaret();
        } finally {
            updatingSelection = false;
        }
        viewModel.selectionStartProperty().set(pending.start());
        viewModel.selectionEndProperty().set(pending.end());
        viewModel.refreshCaret(pending.start());
        viewModel.pendingSelectionShown();
    }

    /** Drops the selection after coding, so the new tint shows; the caret stays where it was, nothing scrolls. */
    private void collapseSelection(CodingViewModel.Selection request) {
        TranscriptDocument document = viewModel.document();
        if (request == null || document == null || document.info().id() != request.transcriptId()) {
            return;
        }
        area.moveTo(document.index().toUtf16(Math.clamp(request.start(), 0, document.index().codePointLength())));
        viewModel.collapseRequestProperty().set(null);
    }

    private void installHover() {
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, event -> {
            TranscriptDocument document = viewModel.document();
            if (document == null) {
                return;
            }
            int position = document.index().toCodePoint(Math.min(event.getCharacterIndex(),
                    document.index().utf16Length()));
            Codebook codebook = viewModel.workspace().codebook();
            String names = shown.values().stream().filter(coding -> coding.covers(position))
                    .map(coding -> codebook.get(coding.codeId()).map(Code::name).orElse("?") + "  ("
                            + viewModel.coderName(coding.coderId()) + ")")
                    .distinct().sorted().collect(Collectors.joining("\n"));
            if (!names.isEmpty()) {
                hover.setText(names);
                Point2D at = event.getScreenPosition();
                hover.show(area, at.getX() + 12, at.getY() + 12);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> hover.hide());
    }

    /** Number keys 1–9 apply the recent codes to the selection. */
    private void installKeys() {
        area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
                return;
            }
            if (event.getCode().isDigitKey() || event.getCode().isKeypadKey()) {
                String text = event.getText();
                int number = text != null && text.length() == 1 && Character.isDigit(text.charAt(0))
                        ? text.charAt(0) - '0' : digitOf(event.getCode().getName());
                if (number >= 1 && number <= 9 && viewModel.applyRecent(number)) {
                    event.consume();
                }
            }
        });
    }

    private static int digitOf(String keyName) {
        char last = keyName.isEmpty() ? ' ' : keyName.charAt(keyName.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }

    /** Dropping a code from a code tree onto the text applies it to the selection. */
    private void installDrop() {
        area.setOnDragOver(event -> {
            if (event.getDragboard().hasString() && event.getDragboard().getString().startsWith(CODE_DRAG_PREFIX)) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        area.setOnDragDropped(event -> {
            String payload = event.getDragboard().hasString() ? event.getDragboard().getString() : "";
            boolean done = false;
            if (payload.startsWith(CODE_DRAG_PREFIX)) {
                try {
                    long id = Long.parseLong(payload.substring(CODE_DRAG_PREFIX.length()));
                    var code = viewModel.workspace().codebook().get(id);
                    code.ifPresent(viewModel::applyCode);
                    done = code.isPresent();
                } catch (NumberFormatException ignored) {
                    done = false;
                }
            }
            event.setDropCompleted(done);
            event.consume();
        });
    }

    /** For tests: the styles of the character at a UTF-16 offset. */
    String styleAt(int utf16) {
        return area.getStyleOfChar(utf16);
    }

    Set<Long> shownCodingIds() {
        return new HashMap<>(shown).keySet();
    }
}
