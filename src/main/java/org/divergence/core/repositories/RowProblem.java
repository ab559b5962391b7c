package org.divergence.core.repositories;

/**
 * A value that does not fit the canonical sample, with the column it is in. Readers add the file and line to
 * make the user-facing message {@code FILE:LINE: column "stars": "abc" is not a whole number}.
 */
public final class RowProblem extends RuntimeException {

    private final String column;

    public RowProblem(String column, String detail) {
        super(detail, null, false, false);
        this.column = column;
    }

    public String column() {
        return column;
    }

    public String detail() {
        return getMessage();
    }

    /** "column "stars": … " or just the detail when the problem is not tied to one column. */
    public String describe() {
        return column == null ? getMessage() : "column \"" + column + "\": " + getMessage();
    }
}
