package org.divergence.app.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.divergence.app.refi.ExportProject;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.CodingOrigin;
import org.divergence.core.common.Progress;
import org.divergence.exchange.semantic.MiniLmEmbedder;
import org.divergence.samples.SampleInterviews;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingOrigins;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;
import org.divergence.store.undo.ProjectCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggestions on the sample interviews, accepting one as a person, undo and redo, and the REFI-QDA note. */
class CodeSuggestionsTest {

    @TempDir
    Path folder;

    @Test
    void suggestsUncodedPassagesBesideTheirClosestExampleAndAnAcceptedOneKeepsItsProvenance() throws Exception {
        MiniLmEmbedder model = MiniLmEmbedder.shared();
        try (Project project = Project.create(folder.resolve("s.divergence"))) {
            SampleInterviews.populate(project, Progress.NONE);
            Code compute = new CodebookStore(project).load().byPath("Socio-technical factors/Compute requirements")
                    .orElseThrow();
            List<CodeSuggestions.Suggestion> suggestions = CodeSuggestions.suggest(project, model, compute.id(), 0.4,
                    Progress.NONE);
            assertFalse(suggestions.isEmpty());
            for (int i = 1; i < suggestions.size(); i++) {
                assertTrue(suggestions.get(i - 1).passage().score() >= suggestions.get(i).passage().score());
            }
            CodeSuggestions.Suggestion best = suggestions.getFirst();
            assertFalse(best.passage().text().equals(best.closestExample().text()));
            assertEquals(suggestions, CodeSuggestions.suggest(project, model, compute.id(), 0.4, Progress.NONE),
                    "the same text and model give the same suggestions");

            Coder carla = new CodingStore(project).ensureCoder("Carla");
            var passage = best.passage();
            ProjectCommand<Long> accept = new CodingOrigins(project).accept(new CodingStore.Range(
                    passage.transcriptId(), passage.start(), passage.end()), compute.id(), carla.id(), compute.name(),
                    model.modelName(), passage.score());
            long codingId = accept.run();
            CodingOrigin origin = new CodingOrigins(project).ofTranscript(passage.transcriptId()).get(codingId);
            assertEquals(CodingOrigin.Kind.SUGGESTED, origin.kind());
            assertEquals(passage.score(), origin.score(), 1e-9);
            assertTrue(origin.describe().startsWith("Suggested by all-MiniLM-L6-v2"), origin.describe());
            assertFalse(CodeSuggestions.suggest(project, model, compute.id(), 0.4, Progress.NONE).stream()
                    .anyMatch(s -> s.passage().start() == passage.start()
                            && s.passage().transcriptId() == passage.transcriptId()), "an accepted passage is coded");

            Path qdpx = folder.resolve("out.qdpx");
            ExportProject.exportQdpx(project, qdpx);
            String coding = new CodingStore(project).codings(passage.transcriptId()).stream()
                    .filter(c -> c.id() == codingId).map(Coding::guid).findFirst().orElseThrow();
            String qde = projectXml(qdpx);
            int at = qde.indexOf("<Coding guid=\"" + coding);
            int end = qde.indexOf("</Coding>", at);
            assertTrue(at > 0 && qde.substring(at, end).contains("<NoteRef"), "the coding links its note");
            assertTrue(qde.contains("Suggested by all-MiniLM-L6-v2"), "the note says who suggested it");

            accept.undo();
            assertTrue(new CodingOrigins(project).ofTranscript(passage.transcriptId()).isEmpty());
            accept.redo();
            assertEquals(origin, new CodingOrigins(project).ofTranscript(passage.transcriptId()).get(codingId));
        }
    }

    private static String projectXml(Path qdpx) throws Exception {
        try (ZipFile zip = new ZipFile(qdpx.toFile()); InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
