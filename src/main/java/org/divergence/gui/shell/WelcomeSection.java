package org.divergence.gui.shell;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.divergence.gui.common.EmptyState;
import org.kordamp.ikonli.material2.Material2AL;

/** The first screen of an empty project: what the workbench is for and what to do first. */
final class WelcomeSection implements SectionView {

    private final StackPane node = new StackPane();

    WelcomeSection(FeatureServices services) {
        EmptyState welcome = new EmptyState(Material2AL.EXPLORE, "Welcome to Divergence Workbench",
                "This project is empty. Start by importing a repository sample (File → Import…, Ctrl+I): a CSV "
                        + "or JSON Lines file in the study's canonical columns, or repositories saved from the "
                        + "GitHub or Hugging Face APIs. Then compare the platforms in Compare, and code interview "
                        + "transcripts in Interviews.")
                .withAction("Import a repository sample…", () -> services.importHandler().chooseAndImport());
        welcome.setId("welcome");
        node.getChildren().add(welcome);
    }

    @Override
    public Section section() {
        return Section.REPOSITORIES;
    }

    @Override
    public Node node() {
        return node;
    }
}
