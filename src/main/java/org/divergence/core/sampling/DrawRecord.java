package org.divergence.core.sampling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.divergence.core.repositories.ImportBatch;
import org.divergence.core.repositories.RepositoryRef;

/**
 * A drawn sample and how it was drawn: the project and the import batches of its population (with their SHA-256),
 * the options and seed, the time, and every stratum with its population size, its sample and its reserve.
 */
public record DrawRecord(String projectName, long populationSize, List<ImportBatch> batches, DrawOptions options,
                         Instant drawnAt, List<Stratum> strata) {

    /** One stratum: its key, how many repositories the population holds in it, and what was drawn from it. */
    public record Stratum(StratumKey key, long population, List<RepositoryRef> sample, List<RepositoryRef> reserve) {
        public Stratum {
            sample = List.copyOf(sample);
            reserve = List.copyOf(reserve);
        }
    }

    public DrawRecord {
        batches = List.copyOf(batches);
        strata = List.copyOf(strata);
    }

    /** The lines of the id list: the sample by stratum and draw order, then each stratum's reserve the same way. */
    public List<RepositoryRef> listedIds() {
        List<RepositoryRef> ids = new ArrayList<>();
        strata.forEach(stratum -> ids.addAll(stratum.sample()));
        strata.forEach(stratum -> ids.addAll(stratum.reserve()));
        return ids;
    }

    public long sampleSize() {
        return strata.stream().mapToLong(stratum -> stratum.sample().size()).sum();
    }

    public long reserveSize() {
        return strata.stream().mapToLong(stratum -> stratum.reserve().size()).sum();
    }
}
