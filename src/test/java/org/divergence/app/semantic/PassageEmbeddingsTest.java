package org.divergence.app.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.common.CancelledException;
import org.divergence.core.common.Progress;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's vector cache with the real model and a real project file. */
class PassageEmbeddingsTest {

    static final String GPUS = "Interviewer: What holds you back?\n"
            + "P1: Renting GPUs for training costs more than my whole budget.\n"
            + "Interviewer: And reviews?\n"
            + "P1: Pull requests get reviewed within a day by the maintainers.\n";
    static final String WEIGHTS = "Interviewer: Can you read a model?\n"
            + "P2: Nobody can inspect weights the way you read source code 😀.\n"
            + "Interviewer: Where do you talk?\n"
            + "P2: Mostly in the discussion tab of the model page.\n";

    @TempDir
    Path folder;

    static Project projectWithTwoTranscripts(Path folder) throws Exception {
        Project project = Project.create(folder.resolve("p.divergence"));
        ImportTranscripts.importFiles(project, List.of(Files.writeString(folder.resolve("gpus.txt"), GPUS),
                Files.writeString(folder.resolve("weights.txt"), WEIGHTS)), ImportTranscripts.Options.DEFAULT,
                Progress.NONE);
        return project;
    }

    @Test
    void computesOnceKeepsTheCacheAndRecomputesOnlyATranscriptWhoseTextChanged() throws Exception {
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        try (Project project = projectWithTwoTranscripts(folder)) {
            assertEquals(2, PassageEmbeddings.update(project, model, Progress.NONE));
            assertEquals(0, PassageEmbeddings.update(project, model, Progress.NONE));
            assertEquals(8, PassageEmbeddings.index(project, model, Progress.NONE).size());

            long weights = new TranscriptStore(project).list().stream().filter(t -> t.name().equals("weights"))
                    .findFirst().orElseThrow().id();
            String changed = WEIGHTS + "P2: One more answer.\n";
            project.write(EnumSet.of(DataArea.TRANSCRIPTS), connection -> Sql.update(connection,
                    SqlText.of("UPDATE transcript SET content = ?, content_sha256 = ?, length_code_points = ?"
                            + " WHERE id = ?"), changed, TranscriptStore.sha256(changed),
                    changed.codePointCount(0, changed.length()), weights));
            assertEquals(1, PassageEmbeddings.update(project, model, Progress.NONE));
            assertEquals(9, PassageEmbeddings.index(project, model, Progress.NONE).size());

            new TranscriptStore(project).remove(weights, "weights").run();
            assertEquals(4, PassageEmbeddings.index(project, model, Progress.NONE).size());
        }
    }

    @Test
    void aCancelledRunStoresNothingHalfDoneAndTheNextRunFinishesIt() throws Exception {
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        try (Project project = projectWithTwoTranscripts(folder)) {
            Progress cancelled = new Progress() {
                @Override
                public void update(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> PassageEmbeddings.update(project, model, cancelled));
            assertEquals(2, PassageEmbeddings.update(project, model, Progress.NONE));
        }
    }
}
