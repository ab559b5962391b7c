package org.divergence.samples;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.divergence.core.repositories.CountColumn;
import org.divergence.core.repositories.Platform;
import org.divergence.core.repositories.RepoType;
import org.divergence.core.repositories.RepositoryRow;

/**
 * A seeded generator of SYNTHETIC repository samples whose distributions are calibrated to the published aggregates
 * the brief quotes (see sample-datasets/README.md for every target and assumption):
 * <ul>
 *   <li>the study's platform sizes (1,428,792 GitHub, 1,440,527 Hugging Face repositories);</li>
 *   <li>about 40% fewer contributors on Hugging Face (press summary of the study): mean HF ≈ 0.6 × mean GitHub;</li>
 *   <li>HFCommunity (SANER 2023): discussions in 2.65% of models, 8.93% of datasets, 6.05% of spaces;</li>
 *   <li>Osborne et al. (2024): over 70% of models have 0 downloads, 1% of models take 99% of downloads;</li>
 *   <li>Hugging Face createdAt is unknown for repositories older than 2022-03-02.</li>
 * </ul>
 * Everything else (stars, forks, pull requests, the split of HF types…) is an assumption of plausible heavy-tailed
 * shapes, labelled as such. Nothing here describes real repositories.
 */
public final class SyntheticRepositories {

    public static final int STUDY_GITHUB = 1_428_792;
    public static final int STUDY_HUGGING_FACE = 1_440_527;

    private static final String[] WORDS = {"atlas", "beacon", "cedar", "delta", "ember", "fjord", "granite", "harbor",
        "iris", "juniper", "kestrel", "lumen", "meadow", "nimbus", "onyx", "prism", "quartz", "ridge", "summit",
        "tundra", "umber", "vertex", "willow", "xenon", "yarrow", "zephyr", "orbit", "pixel", "vector", "tensor",
        "cobalt", "saffron", "lattice", "mosaic", "quill", "relay", "sonar", "tracer", "vapor", "wander"};
    private static final String[] LANGUAGES = {"Python", "JavaScript", "TypeScript", "Java", "Go", "C++", "Rust",
        "C", "C#", "PHP", "Ruby", "Shell", "Jupyter Notebook", "Kotlin", "Swift"};
    private static final double[] LANGUAGE_WEIGHTS = {22, 18, 12, 10, 6, 6, 4, 4, 4, 4, 3, 3, 2, 1, 1};
    private static final String[] PIPELINE_TAGS = {"text-generation", "text-classification", "token-classification",
        "fill-mask", "image-classification", "automatic-speech-recognition", "sentence-similarity",
        "text-to-image", "reinforcement-learning", "feature-extraction", "question-answering", "translation"};
    private static final double[] PIPELINE_WEIGHTS = {24, 14, 6, 6, 8, 6, 7, 7, 9, 5, 4, 4};
    private static final String[] CODE_LICENSES = {"mit", "apache-2.0", "gpl-3.0", "bsd-3-clause", "other"};
    private static final double[] CODE_LICENSE_WEIGHTS = {45, 25, 12, 8, 10};
    private static final String[] HF_LICENSES = {"apache-2.0", "mit", "cc-by-4.0", "openrail", "llama2", "other"};
    private static final double[] HF_LICENSE_WEIGHTS = {35, 25, 10, 10, 5, 15};

    private static final LocalDate HF_RECORDS_BEGIN = LocalDate.of(2022, 3, 2);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final SplittableRandom random;
    private final boolean withExtraColumns;

    public SyntheticRepositories(long seed, boolean withExtraColumns) {
        this.random = new SplittableRandom(seed);
        this.withExtraColumns = withExtraColumns;
    }

    /** Generates the GitHub rows, then the Hugging Face rows, each handed to {@code sink} (a reused-free new row). */
    public void generate(int github, int huggingFace, Consumer<RepositoryRow> sink) {
        for (int i = 0; i < github; i++) {
            sink.accept(github(i));
        }
        for (int i = 0; i < huggingFace; i++) {
            sink.accept(huggingFace(i));
        }
    }

    private RepositoryRow github(int index) {
        String name = word() + "-" + Integer.toString(index % 9973, 36) + "/" + word() + "-" + word() + "-"
                + Integer.toString(index, 36);
        RepositoryRow row = new RepositoryRow(Platform.GITHUB, RepoType.CODE, name);
        if (random.nextDouble() >= 0.005) {
            row.createdAt(timestamp(2008, 2025, 1.25));
        }
        long contributors = random.nextDouble() < 0.01 ? 0
                : random.nextDouble() < 0.60 ? 1 : 2 + pareto(1.5, 1, 8000);
        setUnlessMissing(row, CountColumn.CONTRIBUTORS, contributors, 0.002);
        setUnlessMissing(row, CountColumn.COMMITS, commits(contributors, 8, 1.3), 0.003);
        long pulls = (random.nextDouble() < (contributors >= 2 ? 0.35 : 0.80)) ? 0 : pareto(1.05, 1, 150_000);
        row.count(CountColumn.PULL_REQUESTS, pulls);
        row.count(CountColumn.MERGED_PULL_REQUESTS, merged(pulls, 0.35, 1.0));
        row.count(CountColumn.ISSUES, random.nextDouble() < 0.62 ? 0 : pareto(0.95, 1, 120_000));
        row.count(CountColumn.STARS, random.nextDouble() < 0.45 ? 0 : pareto(0.75, 1, 450_000));
        row.count(CountColumn.FORKS, random.nextDouble() < 0.70 ? 0 : pareto(0.95, 1, 100_000));
        if (withExtraColumns) {
            row.putExtra("language", pick(LANGUAGES, LANGUAGE_WEIGHTS));
            row.putExtra("license", pick(CODE_LICENSES, CODE_LICENSE_WEIGHTS));
        }
        return row;
    }

    private RepositoryRow huggingFace(int index) {
        double kind = random.nextDouble();
        RepoType type = kind < 0.60 ? RepoType.MODEL : kind < 0.76 ? RepoType.DATASET : RepoType.SPACE;
        String name = word() + "-" + Integer.toString(index % 7919, 36) + "/" + word() + "-" + type.code() + "-"
                + Integer.toString(index, 36);
        RepositoryRow row = new RepositoryRow(Platform.HUGGINGFACE, type, name);
        String created = timestamp(2020, 2025, 1.9);
        if (created.compareTo(HF_RECORDS_BEGIN.toString()) >= 0) {
            row.createdAt(created);
        }
        long contributors = random.nextDouble() < 0.005 ? 0
                : random.nextDouble() < 0.84 ? 1 : 2 + pareto(1.75, 1, 600);
        row.count(CountColumn.CONTRIBUTORS, contributors);
        row.count(CountColumn.COMMITS, commits(contributors, 5, 1.0));
        long pulls = random.nextDouble() < 0.955 ? 0 : pareto(1.4, 1, 5_000);
        row.count(CountColumn.PULL_REQUESTS, pulls);
        row.count(CountColumn.MERGED_PULL_REQUESTS, merged(pulls, 0.0, 0.8));
        double discussionShare = switch (type) {
            case MODEL -> 0.0265;
            case DATASET -> 0.0893;
            default -> 0.0605;
        };
        row.count(CountColumn.DISCUSSIONS, random.nextDouble() < discussionShare ? pareto(1.3, 1, 3_000) : 0);
        double zeroLikes = switch (type) {
            case MODEL -> 0.82;
            case DATASET -> 0.75;
            default -> 0.60;
        };
        row.count(CountColumn.LIKES, random.nextDouble() < zeroLikes ? 0 : pareto(0.95, 1, 12_000));
        if (type != RepoType.SPACE) {
            row.count(CountColumn.DOWNLOADS, downloads(type));
        }
        if (type == RepoType.MODEL) {
            row.count(CountColumn.DERIVATIVES, random.nextDouble() < 0.96 ? 0 : pareto(1.1, 1, 20_000));
        }
        if (withExtraColumns && type == RepoType.MODEL) {
            row.putExtra("pipeline_tag", pick(PIPELINE_TAGS, PIPELINE_WEIGHTS));
        }
        if (withExtraColumns) {
            row.putExtra("license", pick(HF_LICENSES, HF_LICENSE_WEIGHTS));
        }
        return row;
    }

    /** Over 70% of models at zero; the top 1% holding about 99% of all downloads (30-day counts). */
    private long downloads(RepoType type) {
        double u = random.nextDouble();
        if (type == RepoType.MODEL) {
            if (u < 0.72) {
                return 0;
            }
            return u < 0.99 ? pareto(1.3, 1, 5_000) : pareto(0.85, 40_000, 400_000_000);
        }
        if (u < 0.60) {
            return 0;
        }
        return u < 0.985 ? pareto(1.2, 1, 10_000) : pareto(0.9, 5_000, 50_000_000);
    }

    private long commits(long contributors, double medianPerContributor, double sigma) {
        if (contributors == 0) {
            return 0;
        }
        double perContributor = Math.exp(Math.log(medianPerContributor) + sigma * gaussian());
        return Math.max(contributors, Math.round(contributors * perContributor));
    }

    private long merged(long pulls, double minRate, double maxRate) {
        if (pulls == 0) {
            return 0;
        }
        double rate = minRate + (maxRate - minRate) * random.nextDouble();
        return Math.min(pulls, Math.round(pulls * rate));
    }

    private void setUnlessMissing(RepositoryRow row, CountColumn column, long value, double missingShare) {
        if (random.nextDouble() >= missingShare) {
            row.count(column, value);
        }
    }

    /** A discrete Pareto draw ≥ minimum with tail index alpha, capped (a handful of giants, not infinity). */
    private long pareto(double alpha, long minimum, long cap) {
        double u = 1.0 - random.nextDouble();
        double value = minimum * Math.pow(u, -1.0 / alpha);
        return Math.min(cap, (long) Math.floor(value));
    }

    private double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A creation time between two years whose density grows by {@code growth} per year. */
    private String timestamp(int fromYear, int toYear, double growth) {
        int years = toYear - fromYear + 1;
        double total = 0;
        for (int y = 0; y < years; y++) {
            total += Math.pow(growth, y);
        }
        double target = random.nextDouble() * total;
        int year = fromYear;
        for (int y = 0; y < years; y++) {
            target -= Math.pow(growth, y);
            if (target <= 0) {
                year = fromYear + y;
                break;
            }
        }
        LocalDateTime time = LocalDate.of(year, 1, 1).atStartOfDay()
                .plusSeconds((long) (random.nextDouble() * 365 * 24 * 3600));
        return time.atOffset(ZoneOffset.UTC).format(INSTANT);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String pick(String[] values, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            target -= weights[i];
            if (target <= 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
