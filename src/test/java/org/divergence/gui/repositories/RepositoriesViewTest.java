package org.divergence.gui.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DatePicker;
import javafx.scene.Node;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.divergence.core.repositories.StoredRepository;
import org.divergence.gui.shell.Workbench;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.ImportBatches;
import org.divergence.store.settings.AppDirectories;
import org.divergence.store.settings.Settings;
import org.divergence.store.settings.SettingsStore;
import org.divergence.testsupport.ParquetFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Repositories screen in a real window: import through the dialog, browse, sort, inspect. */
@ExtendWith(ApplicationExtension.class)
class RepositoriesViewTest {

    @TempDir
    static Path home;

    private Workbench workbench;
    private Stage stage;
    private Path csv;
    private final List<String> openedUrls = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        AppDirectories directories = AppDirectories.resolve(home.toString(), Map.of(), "Linux", home);
        Path project = home.resolve("empty-" + System.nanoTime() + ".divergence");
        Project.create(project).close();
        Settings settings = new Settings();
        settings.rememberProject(project.toString());
        new SettingsStore(directories.config()).save(settings);
        csv = home.resolve("few.csv");
        Files.writeString(csv, """
                platform,repo_type,full_name,created_at,contributors,commits,pull_requests,merged_pull_requests,issues,discussions,stars,forks,downloads,likes,derivatives,language
                github,code,octo/alpha,2020-01-05,3,30,,,,,100,,,,,Go
                github,code,octo/beta,2022-06-01,1,3,,,,,5,,,,,Rust
                huggingface,model,acme/gamma,2023-02-01,1,5,,,,0,,,50,7,1,
                """);
        workbench = Workbench.start(stage, directories, List.of(), openedUrls::add);
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            workbench.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void importsThroughTheDialogThenBrowsesSortsAndInspects(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#repositories-empty").tryQuery().map(javafx.scene.Node::isVisible)
                        .orElse(false));

        robot.interact(() -> workbench.window().root().getScene().getWindow().requestFocus());
        robot.interact(() -> workbench.viewModel().selectedSectionProperty().get());
        robot.interact(() -> findHandler().importFiles(List.of(csv)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#import-preview").tryQuery().isPresent()
                        && !robot.lookup("#import-preview").queryTableView().getItems().isEmpty());
        TableView<?> preview = robot.lookup("#import-preview").queryTableView();
        assertEquals(3, preview.getItems().size());

        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#import-outcome")
                .queryAs(Label.class).getText().isEmpty()));
        assertEquals("Imported 3 repositories (3 added, 0 updated, 0 skipped) from 1 file(s).",
                robot.lookup("#import-outcome").queryAs(Label.class).getText());
        robot.clickOn("#import-cancel");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 3);
        assertEquals("3 of 3 repositories", robot.lookup("#repositories-status").queryAs(Label.class).getText());

        // Sorting as a header click does it: the column becomes the sort order, ascending then descending.
        var contributors = table(robot).getColumns().stream().filter(c -> "Contributors".equals(c.getText()))
                .findFirst().orElseThrow();
        robot.interact(() -> table(robot).getSortOrder().setAll(contributors));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstName(robot).equals("octo/beta"));
        robot.interact(() -> contributors.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstName(robot).equals("octo/alpha"));

        scrollsRightWithTheNameColumnFrozen(robot);
        batchesDialogShowsEveryColumnWhole(robot);

        robot.clickOn("octo/alpha");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("Go").tryQuery().isPresent()));
        robot.clickOn("#open-on-platform");
        assertEquals(List.of("https://github.com/octo/alpha"), openedUrls);

        robot.clickOn("#filter-name").write("gam");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#repositories-status")
                .queryAs(Label.class).getText().equals("1 of 3 repositories where name contains \"gam\"")));
        assertEquals("acme/gamma", firstName(robot));

        WaitForAsyncUtils.waitForFxEvents(); // the rows are laid out anew on the next pulse
        robot.clickOn(robot.lookup("acme/gamma").match(org.testfx.util.NodeQueryUtils.isVisible()).<Node>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup(".details-title").tryQuery()
                .isPresent()));
        robot.clickOn("Clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table(robot).getSelectionModel().getSelectedItem(), "a new listing selects nothing");
        assertTrue(robot.lookup(".details-title").tryQuery().isEmpty(), "the details pane is cleared with it");
        assertTrue(robot.lookup("No repository selected").tryQuery().isPresent());
    }


    @Test
    void importsAHubSnapshotInParquetWithItsDate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.context().hasProject());
        Path snapshot = ParquetFixtures.write(home.resolve("models-" + System.nanoTime() + ".parquet"),
                ParquetFixtures.hubModels(40));
        robot.interact(() -> findHandler().importFiles(List.of(snapshot)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#import-preview").tryQuery().isPresent()
                        && robot.lookup("#import-preview").queryTableView().getItems().size() == 20);
        robot.interact(() -> robot.lookup("#import-as-of").queryAs(DatePicker.class)
                .setValue(LocalDate.of(2026, 12, 1)));
        robot.clickOn("#import-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !robot.lookup("#import-outcome")
                .queryAs(Label.class).getText().isEmpty()));
        String outcome = robot.lookup("#import-outcome").queryAs(Label.class).getText();
        assertTrue(outcome.startsWith("Imported 40 repositories (40 added, 0 updated, 0 skipped) from 1 file(s).\n"
                + snapshot.getFileName() + ": Parquet, Hugging Face models snapshot (Hub fields); derivatives: models"
                + " of this import naming it in baseModels"), outcome);
        robot.clickOn("#import-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tableSize(robot) == 40);
        assertEquals("2026-12-01", ImportBatches.list(workbench.context().project()).getFirst().asOf());
    }

    /** Scrolled all the way right, the Name column's header and cells stay at the table's left edge. */
    private static void scrollsRightWithTheNameColumnFrozen(FxRobot robot) {
        TableView<StoredRepository> table = table(robot);
        ScrollBar bar = table.lookupAll(".scroll-bar").stream().filter(node -> node instanceof ScrollBar scroll
                && scroll.getOrientation() == Orientation.HORIZONTAL).map(ScrollBar.class::cast).findFirst()
                .orElseThrow();
        assertTrue(bar.isVisible() && bar.getMax() > 300, "the columns are wider than the table: " + bar.getMax());
        robot.interact(() -> bar.setValue(bar.getMax()));
        WaitForAsyncUtils.waitForFxEvents();
        double left = table.localToScreen(table.getBoundsInLocal()).getMinX();
        Node header = robot.lookup(".column-header.frozen-column").query();
        assertEquals(left, header.localToScreen(header.getBoundsInLocal()).getMinX(), 2, "the Name header stays");
        Node cell = robot.lookup(".table-cell.frozen-column").match((Labeled labeled) -> "octo/alpha"
                .equals(labeled.getText())).query();
        assertTrue(cell.isVisible() && cell.getParent() != null, "the cell is still in its row");
        assertEquals(left, cell.localToScreen(cell.getBoundsInLocal()).getMinX(), 2, "the name stays in view");
        robot.interact(() -> bar.setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(left, cell.localToScreen(cell.getBoundsInLocal()).getMinX(), 2);
    }

    /** The import batches dialog is wide enough for all its columns, none narrower than its heading. */
    private static void batchesDialogShowsEveryColumnWhole(FxRobot robot) {
        robot.clickOn("#show-batches");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> batches = robot.lookup("#batches-table").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        double columns = batches.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(batches.getWidth() >= columns, batches.getWidth() + " < " + columns);
        for (Node node : batches.lookupAll(".column-header .label")) {
            Labeled heading = (Labeled) node;
            assertTrue(heading.getWidth() >= heading.prefWidth(-1) - 0.5, "cut: " + heading.getText());
        }
        robot.interact(() -> batches.getScene().getWindow().hide());
    }

    private org.divergence.gui.common.ImportHandler findHandler() {
        return workbench.services().importHandler();
    }

    @SuppressWarnings("unchecked")
    private static TableView<StoredRepository> table(FxRobot robot) {
        return robot.lookup("#repositories-table").queryAs(TableView.class);
    }

    /**
     * A wait condition that looks nodes up, asked on the FX thread: a lookup from the test thread while the FX thread
     * changes the scene can fail inside JavaFX (an index out of bounds in Parent.lookupAll, seen once in a full run).
     */
    private static <T> T onFx(java.util.concurrent.Callable<T> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
    }

    private static int tableSize(FxRobot robot) throws Exception {
        return onFx(() -> table(robot).getItems().size());
    }

    private static String firstName(FxRobot robot) throws Exception {
        return onFx(() -> {
            var items = table(robot).getItems();
            return items.isEmpty() ? "" : items.getFirst().row().fullName();
        });
    }
}
