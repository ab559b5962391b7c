package org.divergence.gui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.divergence.core.AppInfo;

/** Help → About: name, version, purpose and the study it serves. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About " + AppInfo.NAME);
        alert.setHeaderText(AppInfo.NAME + " " + AppInfo.version());
        alert.setGraphic(new ImageView(AppIcons.largest()));
        alert.setContentText("""
                A workbench for researchers who compare collaboration in open-source software on GitHub \
                with open-source AI on Hugging Face: import repository samples, compare the study's dimensions \
                with statistics of every repository, code interview transcripts, and put numbers and quotes side by side.

                Modelled on Ye & Zhou, "From OSS to Open Source AI", CSCW 2026.

                Java %s · JavaFX %s""".formatted(System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?")));
        alert.getDialogPane().setPrefWidth(520);
        alert.showAndWait();
    }
}
