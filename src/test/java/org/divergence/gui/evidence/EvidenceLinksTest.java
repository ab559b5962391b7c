package org.divergence.gui.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.common.Progress;
import org.divergence.core.evidence.Evidence;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.gui.common.DialogService;
import org.divergence.gui.common.ProjectContext;
import org.divergence.gui.common.SameThreadTaskExecutor;
import org.divergence.samples.SampleProject;
import org.divergence.store.coding.SegmentQuery;
import org.divergence.store.project.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Linking from the GUI's side, without a toolkit: links by segment, undo, and the Compare panel's contents. */
class EvidenceLinksTest {

    @TempDir
    Path folder;

    private final ProjectContext context = new ProjectContext();
    private final List<String> errors = new ArrayList<>();
    private EvidenceLinks links;
    private Project project;

    @BeforeEach
    void open() {
        project = Project.open(SampleProject.ensure(folder, Progress.NONE));
        context.setProject(project);
        links = new EvidenceLinks(context, new SameThreadTaskExecutor(), new Errors(errors));
    }

    @AfterEach
    void close() {
        context.close();
    }

    /** Changes reach views through the FX thread when another test started the toolkit: wait for them. */
    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private CodedSegment segment(String text) {
        return SegmentQuery.segments(project, SegmentQuery.Filter.ALL).stream()
                .filter(segment -> segment.text().startsWith(text)).findFirst().orElseThrow();
    }

    @Test
    void linksASegmentShowsItAndUndoTakesItBack() throws Exception {
        CodedSegment quote = segment("I rent GPUs by the hour");
        assertTrue(links.forCoding(quote.codingId()).isEmpty());
        long before = links.revisionProperty().get();
        var subject = EvidenceLinks.Subject.segment(quote.codingId(), "quote", quote.text());
        links.link(subject, FindingRef.of(BuiltInMetric.CONTRIBUTORS), "cheap adapters, no contributors", null);
        await(() -> links.of(subject).size() == 1);
        List<EvidenceLink> now = links.of(subject);
        assertEquals("Contributors", EvidenceLinks.findings(now));
        assertTrue(links.revisionProperty().get() > before, "views showing links refresh");

        links.editNote(now.getFirst(), "adapters cost a few euros", null);
        await(() -> "adapters cost a few euros".equals(links.of(subject).getFirst().note()));
        links.link(subject, FindingRef.of(BuiltInMetric.CONTRIBUTORS), "again", null);
        await(() -> errors.size() == 1);
        assertTrue(errors.getFirst().contains("already linked"), "a duplicate link is refused with a message: "
                + errors);

        context.undoHistory().undo();
        await(() -> "cheap adapters, no contributors".equals(links.of(subject).getFirst().note()));
        links.unlink(links.of(subject).getFirst(), null);
        await(() -> links.of(subject).isEmpty());
        context.undoHistory().undo();
        await(() -> links.of(subject).size() == 1);
    }

    @Test
    void thePanelBesideCompareShowsAMetricsQuotesAndItsDimensions() throws Exception {
        LinkedQuotesViewModel panel = new LinkedQuotesViewModel(context, new SameThreadTaskExecutor());
        panel.findingProperty().set(FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE));
        assertEquals("Linked to PR acceptance rate", panel.titleProperty().get());
        assertEquals(List.of("Any change to the weights goes through our safety review, so outside PRs stall.",
                "Today verifying a proposal costs us nearly as much compute as producing it ourselves."),
                panel.evidence().stream().map(Evidence::segment).map(CodedSegment::text).toList());
        assertEquals("Linked to Collaboration openness (its dimension)", panel.dimensionTitleProperty().get());
        assertEquals(1, panel.dimensionEvidence().size());
        assertEquals("Socio-technical factors/Black-box nature of models",
                panel.dimensionEvidence().getFirst().codePath());

        // A new link appears at once.
        CodedSegment quote = segment("I rent GPUs by the hour");
        links.link(EvidenceLinks.Subject.segment(quote.codingId(), "q", quote.text()),
                FindingRef.of(BuiltInMetric.PR_ACCEPTANCE_RATE), null, null);
        await(() -> panel.evidence().size() == 3);
        panel.findingProperty().set(FindingRef.of(Dimension.POPULARITY));
        assertTrue(panel.evidence().isEmpty());
        assertTrue(panel.dimensionEvidence().isEmpty());
        panel.findingProperty().set(null);
        assertEquals("Linked quotes", panel.titleProperty().get());
    }

    private record Errors(List<String> errors) implements DialogService {
        @Override
        public void showError(String title, Throwable error) {
            errors.add(title);
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void showInformation(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message, String confirmButton) {
            return true;
        }

        @Override
        public Optional<String> askForName(String title, String message, List<String> offered, String suggested) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
            return List.of();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
            return Optional.empty();
        }
    }
}
