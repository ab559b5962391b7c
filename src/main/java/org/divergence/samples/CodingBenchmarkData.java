package org.divergence.samples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.divergence.app.transcripts.ImportTranscripts;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coder;
import org.divergence.core.coding.StarterCodebook;
import org.divergence.exchange.transcripts.TranscriptReader;
import org.divergence.store.coding.CodebookStore;
import org.divergence.store.coding.CodingStore;
import org.divergence.store.project.Project;

/**
 * The synthetic data of {@code bench coding}: one long interview (about {@code bytes} of UTF-8 text with speaker
 * turns, accents and an emoji now and then) and {@code codings} codings by two or more coders over the starter
 * codebook, each coder coding each code the same number of times at random places. Seeded, so every run measures the
 * same data.
 */
public final class CodingBenchmarkData {

    /** What was created. */
    public record Created(long transcriptId, int lengthCodePoints, int utf8Bytes, int codings, long codeId,
                          long coderId) {
    }

    /** The coders' names, in order: Ana and Ben, then fictional others. */
    public static final List<String> CODERS = List.of("Ana", "Ben", "Carla", "Dev", "Eli", "Fay", "Gus", "Hana");

    private static final String[] WORDS = ("model weights fork pull request discussion compute GPU training data "
            + "licence card community maintainer fine-tune adapter review benchmark evaluation release governance "
            + "incentive credit download café naïve Zürich déjà-vu the a of and to in that it is was for on with as "
            + "we they you I not but what all were when there can an your which their said if do will each about how "
            + "up out them then she many some so these would other into has more her two like him see time could no "
            + "make than first been its who now people my made over did down only way find use may water long little")
            .split(" ");

    private CodingBenchmarkData() {
    }

    public static String transcript(int bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(bytes + 1024);
        text.append("SYNTHETIC BENCHMARK INTERVIEW (generated; no real participant)\n\n");
        int turn = 0;
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            for (int block = 0; block < 200; block++) {
                text.append(turn % 2 == 0 ? "Interviewer: " : "P1: ");
                int sentences = turn % 2 == 0 ? 1 + random.nextInt(2) : 2 + random.nextInt(6);
                for (int s = 0; s < sentences; s++) {
                    int words = 6 + random.nextInt(14);
                    for (int w = 0; w < words; w++) {
                        String word = WORDS[random.nextInt(WORDS.length)];
                        text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                        text.append(w + 1 < words ? " " : random.nextInt(40) == 0 ? " 😀. " : ". ");
                    }
                }
                text.setLength(text.length() - 1);
                text.append('\n');
                turn++;
            }
        }
        return text.toString();
    }

    public static Created create(Project project, int bytes, int codings, long seed) {
        return create(project, bytes, codings, 2, seed);
    }

    /** {@code codings} in all, by the first {@code coderCount} of {@link #CODERS}. */
    public static Created create(Project project, int bytes, int codings, int coderCount, long seed) {
        String text = transcript(bytes, seed);
        var imported = ImportTranscripts.store(project, List.of(TranscriptReader.fromBytes("benchmark.txt",
                text.getBytes(StandardCharsets.UTF_8))), ImportTranscripts.Options.DEFAULT, null).getFirst();
        new CodebookStore(project).addStarterCodebook().run();
        Codebook codebook = new CodebookStore(project).load();
        Code root = codebook.byGuid(StarterCodebook.ROOT_GUID).orElseThrow();
        List<Code> codes = codebook.children(root.id());
        CodingStore store = new CodingStore(project);
        List<Coder> coders = CODERS.subList(0, coderCount).stream().map(store::ensureCoder).toList();
        Random random = new Random(seed + 1);
        int length = imported.length();
        int added = 0;
        for (Code code : codes) {
            for (Coder coder : coders) {
                int count = codings / (codes.size() * coders.size())
                        + (added == 0 ? codings % (codes.size() * coders.size()) : 0);
                List<CodingStore.Range> ranges = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int start = random.nextInt(length - 600);
                    ranges.add(new CodingStore.Range(imported.transcriptId(), start, start + 20 + random.nextInt(500)));
                }
                added += store.applyCodeToAll(ranges, code.id(), coder.id(), code.name()).run();
            }
        }
        return new Created(imported.transcriptId(), length, text.getBytes(StandardCharsets.UTF_8).length, added,
                codes.getFirst().id(), coders.getFirst().id());
    }
}
