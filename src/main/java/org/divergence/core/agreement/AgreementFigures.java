package org.divergence.core.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * The agreement of m ≥ 2 coders on one code (or pooled over codes): how many units exactly k of the coders coded
 * ({@code histogram[k]}, k = 0..m), the 2 × 2 table of every pair of coders, and the unitizing alpha of all coders
 * (null where undefined). Every figure of ADR 0091 follows from these. With two coders the histogram is (neither,
 * a_only + b_only, both), and percent agreement and alpha equal those of the pair's {@link AgreementCounts}.
 */
public record AgreementFigures(List<Long> histogram, List<PairAgreement> pairs, Double alphaU) {

    public AgreementFigures {
        histogram = List.copyOf(histogram);
        pairs = List.copyOf(pairs);
        if (histogram.size() < 3) {
            throw new IllegalArgumentException("agreement needs two coders or more");
        }
    }

    public int coders() {
        return histogram.size() - 1;
    }

    /** Units (per code; pooled: units × codes). */
    public long units() {
        return histogram.stream().mapToLong(Long::longValue).sum();
    }

    /** The two coders' table; null with more than two coders. */
    public AgreementCounts twoCoders() {
        return coders() == 2 ? pairs.getFirst().counts() : null;
    }

    /** Cohen's kappa of two coders; null with more than two (see {@link #fleissKappa()}) and where undefined. */
    public Double kappa() {
        return coders() == 2 ? twoCoders().kappa() : null;
    }

    /** Share of units on which all coders agree (all coded or none did), in percent 0–100; null without units. */
    public Double percentAgreement() {
        long units = units();
        return units == 0 ? null : 100.0 * (histogram.getFirst() + histogram.getLast()) / units;
    }

    /**
     * Krippendorff's alpha for nominal data (coded / not coded) over all coders, no missing values: 1 − (n − 1)·o01 /
     * (n0·n1), with n = m·units pairable values, n1 = Σ k·h[k] of them "coded", n0 the rest, and the coincidences
     * o01 = Σ k(m − k)·h[k] / (m − 1). Undefined (null) when only one value occurs. For two coders this is term for
     * term {@link AgreementCounts#alpha()}.
     */
    public Double alpha() {
        int m = coders();
        long units = units();
        double n = (double) m * units;
        long coded = 0;
        long mixed = 0;
        for (int k = 0; k <= m; k++) {
            coded += k * histogram.get(k);
            mixed += (long) k * (m - k) * histogram.get(k);
        }
        double yes = coded;
        double no = n - coded;
        if (units == 0 || yes == 0 || no == 0) {
            return null;
        }
        return 1 - (n - 1) * (mixed / (double) (m - 1)) / (yes * no);
    }

    /** Fleiss' kappa over all coders, each unit a subject rated coded or not by every coder. */
    public Double fleissKappa() {
        int m = coders();
        long[][] profiles = new long[m + 1][];
        long[] subjects = new long[m + 1];
        for (int k = 0; k <= m; k++) {
            profiles[k] = new long[] {m - k, k};
            subjects[k] = histogram.get(k);
        }
        return FleissKappa.of(profiles, subjects);
    }

    /** The figures pooled over codes: histograms and pair tables summed, with the given overall alpha_u. */
    static AgreementFigures pooled(int coders, List<AgreementFigures> codes, Double alphaU) {
        long[] histogram = new long[coders + 1];
        List<PairAgreement> pairs = new ArrayList<>();
        for (int a = 0; a < coders; a++) {
            for (int b = a + 1; b < coders; b++) {
                pairs.add(new PairAgreement(a, b, AgreementCounts.ZERO));
            }
        }
        for (AgreementFigures code : codes) {
            for (int k = 0; k <= coders; k++) {
                histogram[k] += code.histogram().get(k);
            }
            for (int p = 0; p < pairs.size(); p++) {
                PairAgreement pair = pairs.get(p);
                pairs.set(p, new PairAgreement(pair.coderA(), pair.coderB(),
                        pair.counts().plus(code.pairs().get(p).counts())));
            }
        }
        return new AgreementFigures(java.util.Arrays.stream(histogram).boxed().toList(), pairs, alphaU);
    }
}
