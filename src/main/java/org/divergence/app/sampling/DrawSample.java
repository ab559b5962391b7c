package org.divergence.app.sampling;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.divergence.core.common.Progress;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepositoryRef;
import org.divergence.core.sampling.DrawOptions;
import org.divergence.core.sampling.DrawRecord;
import org.divergence.core.sampling.StratifiedDraw;
import org.divergence.core.sampling.StratumDimension;
import org.divergence.core.sampling.StratumKey;
import org.divergence.exchange.sampling.DrawFiles;
import org.divergence.store.project.Project;
import org.divergence.store.repositories.DrawPopulation;
import org.divergence.store.repositories.ImportBatches;

/**
 * Draws a sample from the project's repositories (the population) and writes it as an id list with its record
 * (docs/population.md). Drawing and writing are apart so that the desktop app can show the strata before writing.
 */
public final class DrawSample {

    private DrawSample() {
    }

    /** Draws in one consistent read of the project; writes nothing. */
    public static DrawRecord draw(Project project, DrawOptions options, Progress progress) {
        String projectName = project.file().getFileName().toString();
        return project.read(connection -> {
            StratifiedDraw.Population population = new StratifiedDraw.Population();
            long[] read = {0};
            DrawPopulation.forEach(connection, options.filter(), (id, platform, type, createdAt) -> {
                List<String> values = new ArrayList<>(options.strata().size());
                for (StratumDimension dimension : options.strata()) {
                    values.add(dimension.valueOf(platform, type, createdAt));
                }
                population.add(new StratumKey(values), id);
                if (++read[0] % 65_536 == 0) {
                    progress.checkCancelled();
                    progress.update(read[0], -1, String.format("%,d repositories read", read[0]));
                }
            });
            List<StratifiedDraw.Stratum> drawn = StratifiedDraw.draw(population, options.n(), options.reserve(),
                    options.seed());
            long[] ids = drawn.stream().flatMapToLong(stratum -> LongStream.concat(Arrays.stream(stratum.sample()),
                    Arrays.stream(stratum.reserve()))).toArray();
            Map<Long, RepositoryRef> refs = DrawPopulation.refs(connection, ids);
            List<DrawRecord.Stratum> strata = drawn.stream().map(stratum -> new DrawRecord.Stratum(stratum.key(),
                    stratum.population(), named(stratum.sample(), refs), named(stratum.reserve(), refs))).toList();
            List<ImportBatch> batches = ImportBatches.of(connection, options.filter());
            return new DrawRecord(projectName, population.size(), batches, options, Instant.now(), strata);
        });
    }

    /** Writes the id list and, beside it, {@code <file>.draw.json}. */
    public static void write(DrawRecord record, Path idsFile) {
        DrawFiles.write(idsFile, record);
    }

    private static List<RepositoryRef> named(long[] ids, Map<Long, RepositoryRef> refs) {
        return Arrays.stream(ids).mapToObj(refs::get).toList();
    }
}
