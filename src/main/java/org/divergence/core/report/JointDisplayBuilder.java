package org.divergence.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodedSegment;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.Coding;
import org.divergence.core.coding.CodingAnalysis;
import org.divergence.core.evidence.EvidenceLink;
import org.divergence.core.evidence.FindingRef;
import org.divergence.core.metrics.ComparisonReport;
import org.divergence.core.metrics.ComparisonTable;
import org.divergence.core.metrics.Dimension;
import org.divergence.core.metrics.Headlines;
import org.divergence.core.metrics.BuiltInMetric;
import org.divergence.core.metrics.Metric;
import org.divergence.core.metrics.MetricComparison;
import org.divergence.core.metrics.NumericComparison;
import org.divergence.core.metrics.PairComparison;
import org.divergence.core.metrics.PaperFormat;

/**
 * Builds the joint display from the comparison, the coded segments, the evidence links and the interpretations.
 * Deterministic: rows in report order, themes by strength then path, quotes by case, transcript and position.
 */
public final class JointDisplayBuilder {

    /** Linked quotes shown per row; the rest are counted. */
    public static final int MAX_LINKED_QUOTES = 6;
    /** Example quotes from linked codes (one per case) when a row has no linked quote. */
    public static final int MAX_EXAMPLE_QUOTES = 3;
    /** Co-occurring codes shown per row. */
    public static final int MAX_CO_OCCURRING = 5;

    private final ComparisonReport comparison;
    private final Codebook codebook;
    private final List<CodedSegment> segments;
    private final List<String> attributeOrder;
    private final List<EvidenceLink> links;
    private final Map<FindingRef, String> interpretations;
    private final List<FactorSection.Factor> factors;
    private final Map<Long, CodedSegment> segmentsById = new HashMap<>();
    private final Map<Long, List<CodedSegment>> segmentsByCode = new HashMap<>();
    private final Map<Long, Integer> order = new HashMap<>();
    private final long[][] cooccurrence;
    private final Map<Long, Integer> codeIndex = new HashMap<>();
    private final List<Long> codeIds = new ArrayList<>();

    /**
     * {@code comparison} may be null (no repositories); {@code attributeOrder} lists case attribute names in their
     * display order; {@code factors} are the factor tags (empty until the tags feature provides them).
     */
    public JointDisplayBuilder(ComparisonReport comparison, Codebook codebook, List<CodedSegment> segments,
                               List<String> attributeOrder, List<EvidenceLink> links,
                               Map<FindingRef, String> interpretations, List<FactorSection.Factor> factors) {
        this.comparison = comparison;
        this.codebook = codebook;
        this.segments = sorted(segments);
        this.attributeOrder = List.copyOf(attributeOrder);
        this.links = List.copyOf(links);
        this.interpretations = Map.copyOf(interpretations);
        this.factors = List.copyOf(factors);
        for (int i = 0; i < this.segments.size(); i++) {
            CodedSegment segment = this.segments.get(i);
            segmentsById.put(segment.codingId(), segment);
            segmentsByCode.computeIfAbsent(segment.codeId(), key -> new ArrayList<>()).add(segment);
            order.put(segment.codingId(), i);
        }
        for (Code code : codebook.inTreeOrder()) {
            codeIndex.put(code.id(), codeIds.size());
            codeIds.add(code.id());
        }
        List<Coding> codings = this.segments.stream().map(segment -> new Coding(segment.codingId(),
                segment.codingGuid(), segment.transcriptId(), segment.codeId(), 0, segment.start(), segment.end(),
                segment.createdAt())).toList();
        this.cooccurrence = CodingAnalysis.cooccurrence(codings, codeIds);
    }

    /** Segments by case (none last), transcript name, position, id: the order quotes are shown in. */
    private static List<CodedSegment> sorted(List<CodedSegment> segments) {
        List<CodedSegment> copy = new ArrayList<>(segments);
        copy.sort(Comparator.comparing((CodedSegment s) -> s.caseName() == null ? "\uFFFF" : s.caseName())
                .thenComparing(CodedSegment::transcript).thenComparingLong(CodedSegment::transcriptId)
                .thenComparingInt(CodedSegment::start).thenComparingInt(CodedSegment::end)
                .thenComparingLong(CodedSegment::codingId));
        return List.copyOf(copy);
    }

    public JointDisplay build() {
        List<JointDisplay.Row> rows = new ArrayList<>();
        for (Dimension dimension : Dimension.builtIn()) {
            FindingRef ref = FindingRef.of(dimension);
            rows.add(row(ref, dimension.label(), 0, dimensionResults(dimension), Set.of()));
            for (Metric metric : BuiltInMetric.values()) {
                if (metric.dimension().equals(dimension)) {
                    rows.add(row(FindingRef.of(metric), metric.label(), 1, metricResults(metric), Set.of()));
                }
            }
        }
        List<FactorSection.Factor> sortedFactors = new ArrayList<>(factors);
        sortedFactors.sort(Comparator.comparing(FactorSection.Factor::name).thenComparing(FactorSection.Factor::codeGuid));
        for (FactorSection.Factor factor : sortedFactors) {
            Set<Long> code = codebook.byGuid(factor.codeGuid()).map(c -> Set.of(c.id())).orElse(Set.of());
            rows.add(row(FindingRef.factor(factor.codeGuid()), factor.name(), 0, factorResults(factor), code));
        }
        return new JointDisplay(List.copyOf(rows));
    }

    private JointDisplay.Row row(FindingRef ref, String label, int level, List<JointDisplay.Quantitative> results,
                                 Set<Long> factorCodes) {
        List<EvidenceLink> own = links.stream().filter(link -> link.target().equals(ref)).toList();
        Map<Long, String> linkedCodes = new LinkedHashMap<>();
        factorCodes.forEach(id -> linkedCodes.put(id, null));
        List<EvidenceLink> segmentLinks = new ArrayList<>();
        for (EvidenceLink link : own) {
            if (link.isSegment()) {
                if (segmentsById.containsKey(link.codingId())) {
                    segmentLinks.add(link);
                }
            } else if (codebook.get(link.codeId()).isPresent()) {
                linkedCodes.put(link.codeId(), link.note());
            }
        }
        segmentLinks.sort(Comparator.comparingInt(link -> order.get(link.codingId())));

        List<JointDisplay.Quote> quotes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Long, Long> quotedCodes = new LinkedHashMap<>();
        int more = 0;
        for (EvidenceLink link : segmentLinks) {
            CodedSegment segment = segmentsById.get(link.codingId());
            if (!linkedCodes.containsKey(segment.codeId())) {
                quotedCodes.merge(segment.codeId(), 1L, Long::sum);
            }
            if (!seen.add(segment.transcriptId() + ":" + segment.start() + ":" + segment.end())) {
                continue;
            }
            if (quotes.size() < MAX_LINKED_QUOTES) {
                quotes.add(quote(segment, link.note(), true));
            } else {
                more++;
            }
        }
        if (quotes.isEmpty()) {
            quotes.addAll(examples(linkedCodes.keySet()));
        }

        List<JointDisplay.Theme> themes = new ArrayList<>();
        linkedCodes.entrySet().stream().sorted(Comparator.comparing(entry -> codebook.path(entry.getKey())))
                .forEach(entry -> themes.add(theme(entry.getKey(), JointDisplay.Relation.LINKED,
                        segmentsByCode.getOrDefault(entry.getKey(), List.of()).size(), entry.getValue())));
        quotedCodes.entrySet().stream().sorted(Comparator.comparing(entry -> codebook.path(entry.getKey())))
                .forEach(entry -> themes.add(theme(entry.getKey(), JointDisplay.Relation.QUOTED, entry.getValue(),
                        null)));
        Set<Long> themed = new LinkedHashSet<>(linkedCodes.keySet());
        themed.addAll(quotedCodes.keySet());
        themes.addAll(coOccurring(themed));
        int linkCount = own.size();
        return new JointDisplay.Row(ref, label, level, results, List.copyOf(themes), List.copyOf(quotes), more,
                interpretations.getOrDefault(ref, ""), linkCount);
    }

    /** Up to {@link #MAX_EXAMPLE_QUOTES} segments of the codes, one per case, in quote order. */
    private List<JointDisplay.Quote> examples(Set<Long> codes) {
        List<JointDisplay.Quote> examples = new ArrayList<>();
        if (codes.isEmpty()) {
            return examples;
        }
        Set<String> cases = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (CodedSegment segment : segments) {
            if (examples.size() >= MAX_EXAMPLE_QUOTES) {
                break;
            }
            String caseKey = segment.caseName() == null ? "#" + segment.transcriptId() : segment.caseName();
            if (codes.contains(segment.codeId()) && !cases.contains(caseKey) && texts.add(segment.text())) {
                cases.add(caseKey);
                examples.add(quote(segment, null, false));
            }
        }
        return examples;
    }

    private List<JointDisplay.Theme> coOccurring(Set<Long> themed) {
        if (themed.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> overlaps = new HashMap<>();
        for (long code : themed) {
            Integer i = codeIndex.get(code);
            if (i == null) {
                continue;
            }
            for (int j = 0; j < codeIds.size(); j++) {
                long other = codeIds.get(j);
                if (j != i && !themed.contains(other) && cooccurrence[i][j] > 0) {
                    overlaps.merge(other, cooccurrence[i][j], Long::sum);
                }
            }
        }
        return overlaps.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Long, Long> entry) -> -entry.getValue())
                        .thenComparing(entry -> codebook.path(entry.getKey())))
                .limit(MAX_CO_OCCURRING)
                .map(entry -> theme(entry.getKey(), JointDisplay.Relation.CO_OCCURRING, entry.getValue(), null))
                .toList();
    }

    private JointDisplay.Theme theme(long codeId, JointDisplay.Relation relation, long count, String note) {
        return new JointDisplay.Theme(codebook.path(codeId), codebook.get(codeId).map(Code::color).orElse(null),
                relation, count, note);
    }

    private JointDisplay.Quote quote(CodedSegment segment, String note, boolean linked) {
        List<JointDisplay.Attribute> attributes = new ArrayList<>();
        for (String name : attributeOrder) {
            String value = segment.caseAttributes().get(name);
            if (value != null && !value.isBlank()) {
                attributes.add(new JointDisplay.Attribute(name, value));
            }
        }
        return new JointDisplay.Quote(segment.text(), segment.codePath(),
                codebook.get(segment.codeId()).map(Code::color).orElse(null), segment.caseName(),
                List.copyOf(attributes), segment.coder(), segment.transcript(), note, linked);
    }

    // Quantitative side ---------------------------------------------------------------------------------------------

    private List<JointDisplay.Quantitative> dimensionResults(Dimension dimension) {
        if (comparison == null) {
            return List.of();
        }
        List<JointDisplay.Quantitative> results = new ArrayList<>();
        for (PairComparison pair : comparison.comparisons()) {
            Headlines.Headline headline = Headlines.of(pair, comparison.filter()).stream()
                    .filter(candidate -> candidate.dimension().equals(dimension)).findFirst().orElseThrow();
            results.add(new JointDisplay.Quantitative(pairName(pair), headline.sentence(), null));
        }
        return results;
    }

    private List<JointDisplay.Quantitative> metricResults(Metric metric) {
        if (comparison == null) {
            return List.of();
        }
        List<JointDisplay.Quantitative> results = new ArrayList<>();
        for (PairComparison pair : comparison.comparisons()) {
            MetricComparison result = pair.metric(metric);
            results.add(new JointDisplay.Quantitative(pairName(pair), metricText(pair, result), result));
        }
        return results;
    }

    private static List<JointDisplay.Quantitative> factorResults(FactorSection.Factor factor) {
        StringBuilder text = new StringBuilder(PaperFormat.count(factor.repositories()))
                .append(factor.repositories() == 1 ? " repository" : " repositories").append(" tagged");
        PairComparison pair = factor.comparison();
        if (pair != null) {
            for (Dimension dimension : Dimension.builtIn()) {
                MetricComparison result = pair.metric(Headlines.leadMetric(dimension));
                text.append("; ").append(result.metric().label()).append(": ").append(effect(result));
            }
        }
        return List.of(new JointDisplay.Quantitative(pair == null ? "tagged" : pairName(pair), text.toString(),
                null));
    }

    public static String pairName(PairComparison pair) {
        return pair.a().label() + " vs " + pair.b().label();
    }

    /** "GitHub median 2, mean 4.12 (n = 1,992) · Hugging Face … · δ = 0.29, small, p < 0.001". */
    static String metricText(PairComparison pair, MetricComparison result) {
        List<String> cells = ComparisonTable.cells(result);
        boolean numeric = result instanceof NumericComparison;
        String a = pair.a().label() + " " + (numeric ? "median " + cells.get(3) + ", mean " + cells.get(5)
                : cells.get(3)) + " (n = " + cells.get(1) + ")";
        String b = pair.b().label() + " " + (numeric ? "median " + cells.get(4) + ", mean " + cells.get(6)
                : cells.get(4)) + " (n = " + cells.get(2) + ")";
        return a + " · " + b + " · " + effect(result);
    }

    /** "δ = 0.29, small, p < 0.001" (or "h = …" for shares). */
    public static String effect(MetricComparison result) {
        List<String> cells = ComparisonTable.cells(result);
        String p = cells.get(9);
        return cells.get(7) + (cells.get(8).equals(PaperFormat.UNDEFINED) ? "" : ", " + cells.get(8)) + ", p "
                + (p.startsWith("<") || p.equals(PaperFormat.UNDEFINED) ? p : "= " + p);
    }
}
