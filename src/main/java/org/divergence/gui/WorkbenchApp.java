package org.divergence.gui;

import javafx.application.Application;
import javafx.stage.Stage;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.settings.AppDirectories;

/** The JavaFX application; {@link org.divergence.Launcher} starts it (with JavaFX as named modules). */
public final class WorkbenchApp extends Application {

    private Workbench workbench;

    public static void start(String[] args) {
        RenderingPipeline.chooseBeforeStart();
        launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        workbench = Workbench.start(stage, AppDirectories.forCurrentUser(), getParameters().getRaw(),
                getHostServices()::showDocument);
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
