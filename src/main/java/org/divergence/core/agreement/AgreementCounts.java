package org.divergence.core.agreement;

/**
 * The 2 × 2 table of two coders over units for one code (or pooled over codes): units both coded, units only coder A
 * coded, units only coder B coded, and units neither coded; with the three agreement figures computed from it.
 * A figure that is undefined for the table is null, never NaN and never a conventional 1.
 */
public record AgreementCounts(long units, long both, long aOnly, long bOnly, long neither) {

    public static final AgreementCounts ZERO = new AgreementCounts(0, 0, 0, 0, 0);

    public AgreementCounts {
        if (both < 0 || aOnly < 0 || bOnly < 0 || neither < 0 || both + aOnly + bOnly + neither != units) {
            throw new IllegalArgumentException("inconsistent counts: units " + units + ", both " + both + ", a_only "
                    + aOnly + ", b_only " + bOnly + ", neither " + neither);
        }
    }

    public static AgreementCounts of(long both, long aOnly, long bOnly, long neither) {
        return new AgreementCounts(both + aOnly + bOnly + neither, both, aOnly, bOnly, neither);
    }

    public AgreementCounts plus(AgreementCounts other) {
        return of(both + other.both, aOnly + other.aOnly, bOnly + other.bOnly, neither + other.neither);
    }

    /** Units coder A coded with the code (alone or with B). */
    public long codedByA() {
        return both + aOnly;
    }

    public long codedByB() {
        return both + bOnly;
    }

    /** Share of units on which the coders agree (both or neither), in percent 0–100; null without units. */
    public Double percentAgreement() {
        return units == 0 ? null : 100.0 * (both + neither) / units;
    }

    /**
     * Cohen's kappa, (po − pe) / (1 − pe) with pe = p_yes_a·p_yes_b + p_no_a·p_no_b. Undefined (null) when pe = 1,
     * which for two categories happens exactly when both coders gave every unit the same single value.
     */
    public Double kappa() {
        if (units == 0 || (codedByA() == 0 && codedByB() == 0) || (codedByA() == units && codedByB() == units)) {
            return null;
        }
        // The closed form of the textbook formula for a 2 × 2 table: 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)).
        double a = both;
        double b = aOnly;
        double c = bOnly;
        double d = neither;
        return 2 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d));
    }

    /**
     * Krippendorff's alpha for nominal data, two coders, no missing values: 1 − (n − 1)·D / (n_yes·n_no), where n is
     * the number of pairable values (2 per unit), D the disagreeing units and n_yes, n_no the values of each kind.
     * Undefined (null) when only one value occurs at all.
     */
    public Double alpha() {
        double n = 2.0 * units;
        double yes = 2.0 * both + aOnly + bOnly;
        double no = 2.0 * neither + aOnly + bOnly;
        if (units == 0 || yes == 0 || no == 0) {
            return null;
        }
        return 1 - (n - 1) * (aOnly + bOnly) / (yes * no);
    }
}
