package org.divergence.core.sampling;

import java.util.List;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.RepositoryFilter;

/** What a draw was asked for: the sample size, the seed, the strata, the population filter and the reserve. */
public record DrawOptions(long n, long seed, List<StratumDimension> strata, RepositoryFilter filter, int reserve) {

    public DrawOptions {
        strata = List.copyOf(strata);
        if (n < 1) {
            throw new InvalidInputException("--n " + n + ": draw at least 1 repository");
        }
        if (reserve < 0) {
            throw new InvalidInputException("--reserve " + reserve + ": must be 0 or more");
        }
    }

    /** The strata as the command line names them, e.g. "platform,created_year"; empty when unstratified. */
    public String strataText() {
        return String.join(",", strata.stream().map(StratumDimension::code).toList());
    }
}
