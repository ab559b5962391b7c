package org.divergence.cli.collect;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every crawl takes: where the token comes from, raw answers for audit, how often to retry. */
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
}
