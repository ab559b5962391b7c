package org.divergence.gui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A submitted task as the status bar sees it: title, progress (-1 = indeterminate), message, and cancel. */
public interface TaskHandle {
    String title();

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    boolean showInStatusBar();

    void cancel();
}
