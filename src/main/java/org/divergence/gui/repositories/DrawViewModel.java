package org.divergence.gui.repositories;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.divergence.app.sampling.DrawSample;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepositoryFilter;
import org.divergence.core.sampling.DrawOptions;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratumDimension;
import org.divergence.exchange.sampling.DrawFiles;
import org.divergence.gui.common.BackgroundTask;
import org.divergence.gui.common.TaskExecutor;
import org.divergence.store.project.Project;

/**
 * The "Draw a sample…" dialog's state: the options, the drawn strata shown before anything is written, and the
 * writing of the id list with its record ({@link DrawSample}). Changing an option drops the shown draw, so what is
 * written is always what was shown.
 */
final class DrawViewModel {

    private final Project project;
    private final TaskExecutor tasks;
    private final RepositoryFilter filter;
    private final StringProperty n = new SimpleStringProperty("500");
    private final StringProperty seed = new SimpleStringProperty();
    private final StringProperty reserve = new SimpleStringProperty("0");
    private final BooleanProperty byPlatform = new SimpleBooleanProperty(true);
    private final BooleanProperty byRepoType = new SimpleBooleanProperty(true);
    private final BooleanProperty byCreatedYear = new SimpleBooleanProperty(false);
    private final StringProperty outFile = new SimpleStringProperty("");
    private final ObjectProperty<DrawRecord> drawn = new SimpleObjectProperty<>();
    private final ObservableList<DrawRecord.Stratum> strata = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** {@code filter}: the population, as the Repositories screen's platform and type choice selects it. */
    DrawViewModel(Project project, TaskExecutor tasks, RepositoryFilter filter, long initialSeed) {
        this.project = project;
        this.tasks = tasks;
        this.filter = RepositoryFilter.ALL.withPlatforms(filter.platforms()).withRepoTypes(filter.repoTypes());
        seed.set(Long.toString(initialSeed));
        for (Observable option : List.of(n, seed, reserve, byPlatform, byRepoType, byCreatedYear)) {
            option.addListener(changed -> forget());
        }
    }

    StringProperty nProperty() {
        return n;
    }

    StringProperty seedProperty() {
        return seed;
    }

    StringProperty reserveProperty() {
        return reserve;
    }

    BooleanProperty byPlatformProperty() {
        return byPlatform;
    }

    BooleanProperty byRepoTypeProperty() {
        return byRepoType;
    }

    BooleanProperty byCreatedYearProperty() {
        return byCreatedYear;
    }

    StringProperty outFileProperty() {
        return outFile;
    }

    /** The draw shown, null until "Draw" and again after an option changed. */
    ObjectProperty<DrawRecord> drawnProperty() {
        return drawn;
    }

    ObservableList<DrawRecord.Stratum> strata() {
        return strata;
    }

    StringProperty summaryProperty() {
        return summary;
    }

    BooleanProperty busyProperty() {
        return busy;
    }

    String population() {
        return filter.describe();
    }

    /** Draws off the FX thread and shows the strata; nothing is written. */
    void draw() {
        DrawOptions options;
        try {
            options = options();
        } catch (InvalidInputException e) {
            summary.set(e.getMessage());
            return;
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of("Drawing a sample", progress -> DrawSample.draw(project, options, progress))
                .onSuccess(record -> {
                    drawn.set(record);
                    strata.setAll(record.strata());
                    summary.set(String.format("%,d of %,d repositories drawn in %,d strata%s. Nothing is written"
                            + " yet.", record.sampleSize(), record.populationSize(), record.strata().size(),
                            record.reserveSize() == 0 ? "" : String.format(", plus %,d in reserve",
                                    record.reserveSize())));
                })
                .onFailure(error -> summary.set(error.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    /** Writes the draw shown to the output file (and its record beside it). */
    void write() {
        DrawRecord record = drawn.get();
        if (record == null || outFile.get().isBlank()) {
            summary.set(record == null ? "Draw first: the strata are shown before anything is written."
                    : "Choose the file to write the ids to.");
            return;
        }
        Path out = Path.of(outFile.get().strip());
        busy.set(true);
        tasks.execute(BackgroundTask.of("Writing the drawn ids", progress -> {
            DrawSample.write(record, out);
            return out;
        }).onSuccess(written -> summary.set(String.format("Wrote %,d ids to %s; the record of the draw is %s.",
                        record.sampleSize() + record.reserveSize(), written, DrawFiles.recordOf(written))))
                .onFailure(error -> summary.set(error.getMessage()))
                .onFinished(() -> busy.set(false)));
    }

    private DrawOptions options() {
        List<StratumDimension> dimensions = new ArrayList<>();
        if (byPlatform.get()) {
            dimensions.add(StratumDimension.PLATFORM);
        }
        if (byRepoType.get()) {
            dimensions.add(StratumDimension.REPO_TYPE);
        }
        if (byCreatedYear.get()) {
            dimensions.add(StratumDimension.CREATED_YEAR);
        }
        return new DrawOptions(number("Sample size", n.get()), number("Seed", seed.get()), dimensions, filter,
                (int) number("Reserve per stratum", reserve.get()));
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + ": '" + text + "' is not a whole number", e);
        }
    }

    private void forget() {
        drawn.set(null);
        strata.clear();
    }
}
