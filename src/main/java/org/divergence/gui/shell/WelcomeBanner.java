package org.divergence.gui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.divergence.gui.common.Section;
import org.divergence.gui.common.Shortcuts;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The banner over the sample project at first start: its data is synthetic, and three first steps. Closing it
 * closes it for good.
 */
final class WelcomeBanner extends HBox {

    WelcomeBanner(MainViewModel viewModel, MainWindow.WindowActions actions) {
        setId("welcome-banner");
        getStyleClass().add("welcome-banner");
        setAlignment(Pos.TOP_LEFT);
        setSpacing(12);
        setPadding(new Insets(10, 12, 10, 14));
        FontIcon icon = new FontIcon(Material2AL.INFO);
        icon.getStyleClass().add("welcome-icon");

        Label headline = new Label("This is the sample project. Its repositories and interviews are synthetic, "
                + "made up to show what the workbench does: they are not the study's data.");
        headline.getStyleClass().add("welcome-headline");
        headline.setWrapText(true);
        // A screen that wants all the height must not squeeze the note to one cut-off line.
        headline.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane steps = new FlowPane(4, 2);
        steps.setId("welcome-steps");
        steps.getChildren().addAll(new Label("Three first steps:"),
                step("1. Compare the platforms", "welcome-compare",
                        () -> viewModel.selectedSectionProperty().set(Section.COMPARE)),
                step("2. Code an interview", "welcome-code",
                        () -> viewModel.selectedSectionProperty().set(Section.INTERVIEWS)),
                step("3. Import your own repositories", "welcome-import", actions::importFiles),
                new Label("·"),
                step("User guide (" + Shortcuts.USER_GUIDE.displayKeys() + ")", "welcome-guide",
                        () -> actions.showUserGuide(Section.REPOSITORIES)));
        steps.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, headline, steps);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.getStyleClass().addAll("button-icon", "flat", "small");
        close.setTooltip(new Tooltip("Close this note (the user guide, F1, has the same first steps)"));
        close.setId("welcome-close");
        close.setOnAction(event -> viewModel.dismissWelcome());
        getChildren().addAll(icon, text, close);
        visibleProperty().bind(viewModel.welcomeShownProperty());
        managedProperty().bind(visibleProperty());
        setMinHeight(Region.USE_PREF_SIZE);
    }

    private static Hyperlink step(String text, String id, Runnable action) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setOnAction(event -> action.run());
        return link;
    }
}
