package org.divergence.gui.common;

import javafx.application.Platform;

/** Hands work to the FX thread from wherever a change was noticed (writer, task or FX thread itself). */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs now when already on the FX thread, else later on it. Without a started toolkit (ViewModel tests) there
     * is no FX thread to protect, so it runs at once.
     */
    public static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
            return;
        }
        try {
            Platform.runLater(action);
        } catch (IllegalStateException toolkitNotStarted) {
            action.run();
        }
    }
}
