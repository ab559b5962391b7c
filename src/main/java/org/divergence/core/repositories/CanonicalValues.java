package org.divergence.core.repositories;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Parses and checks the text of canonical cells. Every method throws {@link RowProblem} naming the column and
 * what is wrong; none accepts a value silently changed into another (no "1.5" becoming 1, no "-3" becoming 3).
 */
public final class CanonicalValues {

    /** Hugging Face's createdAt for repositories older than its record keeping: means "unknown" (BRIEF §4). */
    public static final String HUGGING_FACE_UNKNOWN_CREATED_AT = "2022-03-02T23:29:04Z";

    private static final int MAX_NAME_LENGTH = 512;
    private static final int[] DAYS_IN_MONTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CanonicalValues() {
    }

    public static Platform platform(String raw) {
        return Platform.ofCode(raw).orElseThrow(() -> new RowProblem(CanonicalColumns.PLATFORM,
                quote(raw) + " is not a known platform (github, huggingface)"));
    }

    public static RepoType repoType(String raw, Platform platform) {
        RepoType type = RepoType.ofCode(raw).orElseThrow(() -> new RowProblem(CanonicalColumns.REPO_TYPE,
                quote(raw) + " is not a known repository type (code, model, dataset, space)"));
        if (type.platform() != platform) {
            throw new RowProblem(CanonicalColumns.REPO_TYPE, quote(raw) + " is not a " + platform.displayName()
                    + " repository type (" + (platform == Platform.GITHUB ? "code" : "model, dataset, space") + ")");
        }
        return type;
    }

    public static String fullName(String raw, Platform platform) {
        if (raw == null || raw.isBlank()) {
            throw new RowProblem(CanonicalColumns.FULL_NAME, "is empty; every repository needs its full name");
        }
        if (raw.length() > MAX_NAME_LENGTH) {
            throw new RowProblem(CanonicalColumns.FULL_NAME, "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean plainAscii = c > ' ' && c < 0x7F;
            if (!plainAscii && (c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new RowProblem(CanonicalColumns.FULL_NAME, quote(raw) + " contains white space or a control"
                        + " character");
            }
        }
        if (platform == Platform.GITHUB) {
            int slash = raw.indexOf('/');
            if (slash <= 0 || slash == raw.length() - 1 || raw.indexOf('/', slash + 1) >= 0) {
                throw new RowProblem(CanonicalColumns.FULL_NAME, quote(raw)
                        + " is not a GitHub full name of the form owner/name");
            }
        }
        return raw;
    }

    /**
     * A date ({@code 2024-05-01}) or a date and time ({@code 2024-05-01T12:00:00Z}, offsets and fractions allowed)
     * normalised to UTC seconds; null for an empty cell, and for Hugging Face's "unknown" placeholder.
     */
    public static String createdAt(String raw, Platform platform) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String normalised = isCanonicalInstant(raw) ? raw : normaliseDate(raw);
        if (platform == Platform.HUGGINGFACE && HUGGING_FACE_UNKNOWN_CREATED_AT.equals(normalised)) {
            return null;
        }
        return normalised;
    }

    private static String normaliseDate(String raw) {
        try {
            if (raw.length() == 10) {
                return LocalDate.parse(raw).toString();
            }
            String text = raw.replace(' ', 'T');
            OffsetDateTime instant;
            if (text.endsWith("Z") || hasOffset(text)) {
                instant = OffsetDateTime.parse(text);
            } else {
                instant = LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            }
            return DateTimeFormatter.ISO_INSTANT.format(instant.toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw new RowProblem(CanonicalColumns.CREATED_AT, quote(raw)
                    + " is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM:SSZ)");
        }
    }

    private static boolean hasOffset(String text) {
        int t = text.indexOf('T');
        return t > 0 && (text.indexOf('+', t) > 0 || text.indexOf('-', t) > 0);
    }

    /** The common case, checked without allocating: {@code YYYY-MM-DDTHH:MM:SSZ}. */
    private static boolean isCanonicalInstant(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return false;
        }
        int month = twoDigits(s, 5);
        int day = twoDigits(s, 8);
        int hour = twoDigits(s, 11);
        int minute = twoDigits(s, 14);
        int second = twoDigits(s, 17);
        for (int i = 0; i < 4; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        // Day 29 of February needs the leap-year rule: let java.time decide that one.
        return day <= DAYS_IN_MONTH[month] && !(month == 2 && day == 29);
    }

    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : 99;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A count: a whole number ≥ 0, or -1 for an empty (unknown) cell. */
    public static long count(String raw, String column) {
        int length = raw.length();
        if (length == 0) {
            return -1;
        }
        if (length <= 18) {
            long value = 0;
            for (int i = 0; i < length; i++) {
                char c = raw.charAt(i);
                if (c < '0' || c > '9') {
                    return wholeDecimal(raw, column);
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
        for (int i = 0; i < length; i++) {
            if (!isDigit(raw.charAt(i))) {
                return wholeDecimal(raw, column);
            }
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new RowProblem(column, quote(raw) + " is too large for a count");
        }
    }

    /** "3.0" is a whole number (pandas writes integer columns with missing values as floats); "3.5" is not. */
    private static long wholeDecimal(String raw, String column) {
        int dot = raw.indexOf('.');
        if (dot > 0 && dot < raw.length() - 1 && dot <= 18) {
            boolean digitsBefore = raw.substring(0, dot).chars().allMatch(c -> c >= '0' && c <= '9');
            boolean zerosAfter = raw.substring(dot + 1).chars().allMatch(c -> c == '0');
            if (digitsBefore && zerosAfter) {
                return Long.parseLong(raw.substring(0, dot));
            }
        }
        throw countProblem(raw, column);
    }

    private static RowProblem countProblem(String raw, String column) {
        String trimmed = raw.strip();
        if (trimmed.startsWith("-") && trimmed.length() > 1 && trimmed.substring(1).chars().allMatch(Character::isDigit)) {
            return new RowProblem(column, quote(raw) + " is negative; counts are whole numbers ≥ 0");
        }
        if (trimmed.matches("[0-9]*[.,][0-9]+|[0-9]+[eE][+-]?[0-9]+")) {
            return new RowProblem(column, quote(raw) + " is not a whole number; counts are whole numbers ≥ 0");
        }
        if (!trimmed.equals(raw) && !trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            return new RowProblem(column, quote(raw) + " has white space around the number");
        }
        return new RowProblem(column, quote(raw) + " is not a number; counts are whole numbers ≥ 0 or empty");
    }

    /** Checks the relations between counts that no real repository can break. */
    public static void checkConsistency(RepositoryRow row) {
        if (row.isKnown(CountColumn.MERGED_PULL_REQUESTS) && row.isKnown(CountColumn.PULL_REQUESTS)
                && row.count(CountColumn.MERGED_PULL_REQUESTS) > row.count(CountColumn.PULL_REQUESTS)) {
            throw new RowProblem(CountColumn.MERGED_PULL_REQUESTS.column(), row.count(CountColumn.MERGED_PULL_REQUESTS)
                    + " is more than pull_requests (" + row.count(CountColumn.PULL_REQUESTS) + ")");
        }
    }

    static String quote(String raw) {
        if (raw == null) {
            return "(missing)";
        }
        String shown = raw.length() > 60 ? raw.substring(0, 57) + "…" : raw;
        return "\"" + shown + "\"";
    }
}
