package org.divergence.gui.coding;

import java.util.function.Supplier;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;

/**
 * A table cell for a code: its own name in front of a swatch of its colour, and its full path in the tooltip, so a
 * narrow column never shows "…technical factors/Black-box…". The value is the code's id.
 */
public final class CodeNameCell<S> extends TableCell<S, Long> {

    private final Supplier<Codebook> codebook;
    private final java.util.function.Function<S, String> otherwise;

    public CodeNameCell(Supplier<Codebook> codebook) {
        this(codebook, row -> null);
    }

    /** {@code otherwise}: the text of a row that stands for no code (e.g. "Overall (pooled)"). */
    public CodeNameCell(Supplier<Codebook> codebook, java.util.function.Function<S, String> otherwise) {
        this.codebook = codebook;
        this.otherwise = otherwise;
        getStyleClass().add("code-name-cell");
    }

    @Override
    protected void updateItem(Long codeId, boolean empty) {
        super.updateItem(codeId, empty);
        Code code = empty || codeId == null ? null : codebook.get().get(codeId).orElse(null);
        if (code == null) {
            S row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(row == null ? null : otherwise.apply(row));
            setGraphic(null);
            setTooltip(null);
            return;
        }
        setText(code.name());
        setGraphic(CodeTrees.swatch(code.color()));
        setTooltip(new Tooltip(codebook.get().path(codeId)));
    }
}
