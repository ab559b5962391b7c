package org.divergence.gui.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.divergence.app.repositories.ImportRepositories;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.exchange.repositories.ImportOptions;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.AppDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Tagging in a real window: select several rows, tag them, see the Tags column, filter by the tag, undo. */
@ExtendWith(ApplicationExtension.class)
class RepositoryTaggingGuiTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        AppDirectories directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path file = home.resolve("tags-" + System.nanoTime() + ".divergence");
        Path csv = home.resolve("few.csv");
        Files.writeString(csv, """
                platform,repo_type,full_name,created_at,contributors,commits,pull_requests,merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives
                github,code,octo/alpha,2020-01-05,3,30,,,,,100,,,,
                github,code,octo/beta,2022-06-01,1,3,,,,,5,,,,
                huggingface,model,acme/gamma,2023-02-01,1,5,,,,0,,,50,7,1
                huggingface,model,acme/delta,2023-03-01,2,9,,,,1,,,70,2,0
                huggingface,dataset,acme/epsilon,2023-04-01,1,2,,,,0,,,10,1,
                """);
        try (Project project = Project.create(file)) {
            new ImportRepositories(project).importFiles(List.of(csv), ImportOptions.defaults(),
                    Progress.NONE);
            new CodebookStore(project).createCode(null, "Compute requirements", "#D55E00").run();
            new CodebookStore(project).createCode(null, "Governance", "#999999").run();
        }
        workbench = Workbench.start(stage, directories, List.of(file.toString()));
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void selectsSeveralRowsTagsThemShowsTheTagAndFiltersByIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 5);

        robot.clickOn("acme/gamma");
        robot.press(KeyCode.CONTROL).clickOn("octo/alpha").release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label(robot, "#tag-selection-count")
                .equals("2 selected"));

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#tag-dialog-search").tryQuery()
                .isPresent());
        robot.clickOn("#tag-dialog-search").write("compute");
        assertTrue(robot.lookup("the 2 selected repositories").tryQuery().isPresent());
        robot.clickOn("#tag-dialog-tag");

        // The Tags column shows the tag on exactly the two rows.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chips(robot) == 2);
        assertEquals("Tagged 2 repositories with \u201CCompute requirements\u201D.", label(robot, "#tag-status"));

        // The tag filter lists the tag in use with its count; choosing it shows only the tagged rows.
        robot.clickOn("#filter-tag");
        robot.clickOn("Compute requirements (2)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#repositories-status")
                .equals("2 of 5 repositories where tagged Compute requirements"));
        assertEquals(List.of("acme/gamma", "octo/alpha"), table(robot).getItems().stream()
                .map(repository -> repository.row().fullName()).sorted().toList());

        // Edit → Undo takes the tagging back: the filter now finds nothing.
        robot.interact(() -> workbench.viewModel().undo());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label(robot, "#repositories-status")
                .startsWith("0 of 5 repositories"));
        robot.interact(() -> workbench.viewModel().redo());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
    }

    private static long chips(FxRobot robot) {
        return robot.lookup(".tag-chip").queryAllAs(Label.class).stream()
                .filter(chip -> chip.isVisible() && chip.getScene() != null
                        && chip.getText().equals("Compute requirements")).count();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<StoredRepository> table(FxRobot robot) {
        return robot.lookup("#repositories-table").queryAs(TableView.class);
    }
}
