package org.divergence.gui.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.divergence.app.agreement.ComputeAgreement;
import org.divergence.core.agreement.AgreementResult;
import org.divergence.core.agreement.AgreementUnit;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.common.Progress;
import org.divergence.gui.coding.CodingWorkspace;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.coding.TranscriptStore;
import org.divergence.store.project.Project;
import org.divergence.store.settings.Settings;
import org.divergence.testsupport.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Agreement screen's state without any control, on a real project: table, disagreements, blind coding. */
class AgreementViewModelTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @AfterEach
    void close() {
        context.close();
        assertEquals(List.of(), dialogs.errors, "no error was shown");
    }

    @Test
    void computesTheTableShowsWhoCodedEachDisagreementTakesAThirdCoderAndHidesWhileBlind() throws Exception {
        Project project = Project.create(folder.resolve("p.divergence"));
        SampleInterviews.populate(project, Progress.NONE);
        Settings settings = new Settings();
        CodingWorkspace workspace = new CodingWorkspace(context, new SameThreadTaskExecutor(), dialogs,
                settings, () -> { });
        List<long[]> shown = new ArrayList<>();
        AgreementViewModel viewModel = new AgreementViewModel(workspace,
                (transcript, start, end) -> shown.add(new long[] {transcript, start, end}));
        context.setProject(project);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workspace.coders().size() == 2);
        assertEquals(List.of("Ana", "Ben"), List.copyOf(viewModel.coders()));
        assertEquals(List.of("Ana", "Ben"), List.copyOf(viewModel.chosenCoders()), "every coder at first");
        assertTrue(viewModel.rows().isEmpty(), "nothing is computed before the screen is shown");

        viewModel.shown();
        AgreementResult expected = ComputeAgreement.compute(project, List.of("Ana", "Ben"), AgreementUnit.CHARACTER,
                false, Progress.NONE);
        assertEquals(expected.codes().size() + 1, viewModel.rows().size());
        assertTrue(viewModel.twoCodersProperty().get());
        AgreementViewModel.Row overall = viewModel.rows().getLast();
        assertTrue(overall.overall());
        assertEquals(expected.overall(), overall.figures());
        AgreementViewModel.Row first = viewModel.selectedProperty().get();
        assertEquals(expected.codes().getFirst().code(), first.code());
        assertEquals(expected.disagreements(first.codeId()).size(), viewModel.disagreements().size());
        AgreementViewModel.DisagreementRow row = viewModel.disagreements().getFirst();
        assertTrue(List.of("Ana", "Ben").contains(row.codedBy()), "one of the two coded it: " + row);
        assertEquals(row.codedBy().equals("Ana") ? "Ben" : "Ana", row.notCodedBy());
        String text = new TranscriptStore(project).text(row.transcriptId());
        String coded = text.substring(text.offsetByCodePoints(0, row.start()), text.offsetByCodePoints(0, row.end()));
        assertTrue(coded.replace('\n', ' ').strip().startsWith(row.text().replace("…", "")), row + " vs " + coded);
        assertEquals(List.of(new AgreementViewModel.PairRow("Ana (A), Ben (B)",
                expected.codes().getFirst().figures().twoCoders())), List.copyOf(viewModel.pairs()));
        viewModel.showInText(row);
        assertEquals(List.of(row.transcriptId(), (long) row.start(), (long) row.end()),
                List.of(shown.getFirst()[0], shown.getFirst()[1], shown.getFirst()[2]));

        viewModel.unitProperty().set(AgreementUnit.TURN);
        AgreementResult turns = ComputeAgreement.compute(project, List.of("Ana", "Ben"), AgreementUnit.TURN, false,
                Progress.NONE);
        assertEquals(turns.overall(), viewModel.rows().getLast().figures());
        assertEquals(first.code(), viewModel.selectedProperty().get().code(), "the selected code stays selected");

        // A third coder joins (codes what Ana coded first) and is compared at once.
        CodingStore codings = new CodingStore(project);
        Coder cai = codings.ensureCoder("Cai");
        Coding copied = codings.codings(row.transcriptId()).getFirst();
        codings.applyCode(copied.transcriptId(), copied.codeId(), cai.id(), copied.start(), copied.end(), "copy")
                .run();
        AgreementResult three = ComputeAgreement.compute(project, List.of("Ana", "Ben", "Cai"), AgreementUnit.TURN,
                false, Progress.NONE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.rows().isEmpty()
                && three.overall().equals(viewModel.rows().getLast().figures()));
        // The pairs are filled just after the rows.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.pairs().size() == 3);
        assertEquals(List.of("Ana", "Ben", "Cai"), List.copyOf(viewModel.chosenCoders()));
        assertTrue(!viewModel.twoCodersProperty().get());
        assertEquals(3, viewModel.pairs().size(), "each pair of the three");
        assertTrue(viewModel.statusProperty().get().contains("Fleiss' kappa"), viewModel.statusProperty().get());
        viewModel.choose("Cai", false);
        assertTrue(viewModel.twoCodersProperty().get());
        assertEquals(turns.overall(), viewModel.rows().getLast().figures());

        workspace.blindCodingProperty().set(true);
        assertTrue(settings.blindCoding, "blind coding is remembered");
        assertTrue(viewModel.rows().isEmpty());
        assertTrue(viewModel.disagreements().isEmpty());
        assertNull(viewModel.resultProperty().get());
        viewModel.refresh();
        assertTrue(viewModel.rows().isEmpty(), "nothing is computed while coding blind");
        workspace.blindCodingProperty().set(false);
        assertEquals(turns.codes().size() + 1, viewModel.rows().size());

        viewModel.choose("Ben", false);
        assertTrue(viewModel.rows().isEmpty());
        assertEquals("Choose two coders or more.", viewModel.statusProperty().get());
    }
}
