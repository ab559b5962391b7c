package org.divergence.core.tags;

import java.math.BigDecimal;

/** A value in a tag rule: text (quoted, or a bare word) or a number. */
public sealed interface RuleValue {

    /** As rules are written: text quoted (with ' doubled), numbers plain. */
    String text();

    record Text(String value) implements RuleValue {
        @Override
        public String text() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    record Number(BigDecimal value) implements RuleValue {
        /** Equal numbers are equal values: 1.5e3 is 1500. */
        public Number {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        /** A Long when the number is whole and fits, a Double otherwise: what is bound to SQL. */
        public Object bindable() {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0) {
                try {
                    return stripped.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return value.doubleValue();
                }
            }
            return value.doubleValue();
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }
}
