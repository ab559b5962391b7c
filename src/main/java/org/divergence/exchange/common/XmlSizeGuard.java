package org.divergence.exchange.common;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.divergence.core.common.LimitExceededException;

/**
 * Bounds what the StAX parser must hold at once. The parser hands over text content in pieces, but keeps a whole
 * start tag (with its attributes), comment, processing instruction, CDATA section or document type declaration in
 * memory until it ends; this filter follows the document's markup character by character and refuses one that goes
 * on longer than the limit, before the parser has buffered it. A document type declaration (which REFI-QDA,
 * OpenDocument and Word documents never have; the parsers refuse it) counts to the end of the document.
 */
final class XmlSizeGuard extends Reader {

    private enum State { TEXT, OPENED, BANG, TAG, COMMENT, CDATA, INSTRUCTION, DECLARATION }

    private final Reader in;
    private final String where;
    private final long maxMarkupChars;
    private State state = State.TEXT;
    private long markupLength;
    private long markupStartLine;
    private long line = 1;
    private char quote;
    /** What follows "<!" until it is told apart: "--" (a comment), "[CDATA[", or a declaration. */
    private final StringBuilder opening = new StringBuilder();
    /** How much of the closing "-->", "]]>" or "?>" has been read. */
    private int matched;

    XmlSizeGuard(Reader in, String where, long maxMarkupChars) {
        this.in = in;
        this.where = where;
        this.maxMarkupChars = maxMarkupChars;
    }

    /** Every read, single characters and skips included, comes through here (Reader's defaults call it). */
    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
            follow(buffer[i]);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void follow(char c) throws IOException {
        if (c == '\n') {
            line++;
        }
        if (state == State.TEXT) {
            if (c == '<') {
                state = State.OPENED;
                markupLength = 1;
                markupStartLine = line;
            }
            return;
        }
        if (++markupLength > maxMarkupChars) {
            throw new IOException(new LimitExceededException(where + ", line " + markupStartLine + ": refused, an XML "
                    + describe() + " there is longer than " + String.format(Locale.ROOT, "%,d", maxMarkupChars)
                    + " characters (the limit for one); nothing was imported"));
        }
        switch (state) {
            case OPENED -> {
                opening.setLength(0);
                quote = 0;
                matched = 0;
                state = c == '!' ? State.BANG : c == '?' ? State.INSTRUCTION : State.TAG;
                if (state == State.TAG) {
                    tag(c);
                }
            }
            case BANG -> {
                opening.append(c);
                String so = opening.toString();
                if (so.equals("--")) {
                    state = State.COMMENT;
                } else if (so.equals("[CDATA[")) {
                    state = State.CDATA;
                } else if (!"--".startsWith(so) && !"[CDATA[".startsWith(so)) {
                    state = State.DECLARATION;
                }
            }
            case TAG -> tag(c);
            case COMMENT -> closes(c, "-->");
            case CDATA -> closes(c, "]]>");
            case INSTRUCTION -> closes(c, "?>");
            case DECLARATION -> {
                // Counted to the end of the document: the parser refuses a DTD, and must not hold a huge one first.
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** A tag ends at the first '>' outside a quoted attribute value. */
    private void tag(char c) {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            state = State.TEXT;
        }
    }

    /** Ends the markup once {@code end} has been read, matching it as the characters come (e.g. "--->"). */
    private void closes(char c, String end) {
        if (matched == 0 && c != end.charAt(0)) {
            return;
        }
        String seen = end.substring(0, matched) + c;
        matched = 0;
        for (int k = Math.min(seen.length(), end.length()); k > 0; k--) {
            if (seen.endsWith(end.substring(0, k))) {
                matched = k;
                break;
            }
        }
        if (matched == end.length()) {
            state = State.TEXT;
            matched = 0;
        }
    }

    private String describe() {
        return switch (state) {
            case COMMENT -> "comment";
            case CDATA -> "CDATA section";
            case INSTRUCTION -> "processing instruction";
            case DECLARATION -> "declaration (a DTD)";
            default -> "tag (with its attributes)";
        };
    }
}
