package org.divergence.gui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableRowSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps one column of a table in view when the table scrolls right, as a spreadsheet freezes a column: its header
 * and cells stay at the left edge, drawn over the columns that scroll under them (CSS class {@code frozen-column}
 * gives them the row's background). JavaFX's TableView has no frozen columns, and with a fixed cell size a row even
 * drops the cells of columns scrolled out of view, so each row's skin puts the frozen cell back where it belongs.
 * The table's row factory is taken.
 */
public final class FrozenColumn<S> {

    public static final String STYLE_CLASS = "frozen-column";

    private final TableView<S> table;
    private final TableColumn<S, ?> column;
    /** How far the table is scrolled right, in pixels (0 without a horizontal scroll bar). */
    private final DoubleProperty scrollX = new SimpleDoubleProperty();

    private FrozenColumn(TableView<S> table, TableColumn<S, ?> column) {
        this.table = table;
        this.column = column;
    }

    public static <S> void install(TableView<S> table, TableColumn<S, ?> column) {
        FrozenColumn<S> frozen = new FrozenColumn<>(table, column);
        column.setReorderable(false);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected Skin<?> createDefaultSkin() {
                return frozen.new RowSkin(this);
            }
        });
        table.skinProperty().addListener((obs, old, skin) -> frozen.followScrollBar());
        if (table.getSkin() != null) {
            frozen.followScrollBar();
        }
        frozen.scrollX.addListener(observable -> frozen.placeHeader());
        table.needsLayoutProperty().addListener((obs, old, needs) -> {
            if (!needs) {
                frozen.placeHeader();
            }
        });
    }

    private void followScrollBar() {
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                    && bar.getParent() instanceof VirtualFlow<?>) {
                scrollX.bind(Bindings.createDoubleBinding(() -> bar.isVisible() ? bar.getValue() : 0,
                        bar.valueProperty(), bar.visibleProperty()));
                return;
            }
        }
    }

    /** Where the column starts when nothing is scrolled: after the visible columns before it. */
    private double start() {
        double start = 0;
        for (TableColumn<S, ?> leaf : table.getVisibleLeafColumns()) {
            if (leaf == column) {
                break;
            }
            start += leaf.getWidth();
        }
        return start;
    }

    private double shift() {
        return Math.max(0, scrollX.get() - start());
    }

    /** The header row builds its headers anew when columns change, so the frozen one is found each time. */
    private void placeHeader() {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column) {
                if (!header.getStyleClass().contains(STYLE_CLASS)) {
                    header.getStyleClass().add(STYLE_CLASS);
                    header.setViewOrder(-1);
                }
                header.setTranslateX(shift());
            }
        }
    }

    private final class RowSkin extends TableRowSkin<S> {

        private TableCell<S, ?> frozenCell;
        private final InvalidationListener relayout = observable -> getSkinnable().requestLayout();

        RowSkin(TableRow<S> row) {
            super(row);
            scrollX.addListener(new WeakInvalidationListener(relayout));
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected TableCell<S, ?> createCell(TableColumnBase tableColumn) {
            TableCell<S, ?> cell = super.createCell(tableColumn);
            if (tableColumn == column) {
                frozenCell = cell;
                cell.getStyleClass().add(STYLE_CLASS);
                cell.setViewOrder(-1);
            }
            return cell;
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            super.layoutChildren(x, y, w, h);
            if (frozenCell == null || !column.isVisible()) {
                return;
            }
            double shift = shift();
            if (shift == 0 && frozenCell.getParent() != null) {
                return;
            }
            if (frozenCell.getParent() == null) {
                // A fixed cell size makes the row drop cells scrolled out of view; this one stays.
                getChildren().add(frozenCell);
            }
            double height = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : h;
            frozenCell.resizeRelocate(snapPositionX(x + start() + shift), y, snapSizeX(column.getWidth()), height);
        }
    }
}
