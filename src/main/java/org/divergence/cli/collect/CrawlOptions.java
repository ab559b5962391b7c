package org.divergence.cli.collect;

import java.nio.file.Path;
import org.divergence.app.collect.RunCrawl;
import org.divergence.core.common.InvalidInputException;
import picocli.CommandLine.Option;

/** Options every crawl takes: where the token comes from, raw answers for audit, retries, workers at once. */
final class CrawlOptions {

    @Option(names = "--token-env", paramLabel = "VAR",
            description = "Read the token from this environment variable (default GITHUB_TOKEN or HF_TOKEN).")
    String tokenVariable;

    @Option(names = "--keep-raw", paramLabel = "DIR",
            description = "Keep every raw API answer in DIR (numbered JSON files and responses.jsonl), for audit.")
    Path rawFolder;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
            description = "Retries after a timeout, a dropped connection or a 5xx answer, with exponential backoff"
                    + " (default ${DEFAULT-VALUE}). Rate limits are always waited out.")
    int retries;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Repositories collected at once (default: 1 on GitHub, which asks for serial requests; 2 on"
                    + " Hugging Face). The workers share the platform's published rate (GitHub 5,000 calls an hour"
                    + " with a token, 60 without; Hugging Face 1,000 per 5 minutes) and never exceed it.")
    Integer concurrency;

    void check() {
        if (retries < 0 || retries > 20) {
            throw new InvalidInputException("--retries must be between 0 and 20, not " + retries);
        }
        if (concurrency != null && (concurrency < 1 || concurrency > RunCrawl.Pace.MAX_CONCURRENCY)) {
            throw new InvalidInputException("--concurrency must be between 1 and " + RunCrawl.Pace.MAX_CONCURRENCY
                    + ", not " + concurrency);
        }
    }
}
