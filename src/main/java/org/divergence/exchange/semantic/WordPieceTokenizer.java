package org.divergence.exchange.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT WordPiece tokenizer of all-MiniLM-L6-v2 in plain Java, reproducing the Hugging Face tokenizers pipeline of
 * the model's tokenizer.json (BertNormalizer with clean text, CJK spacing, accent stripping and lower case;
 * BertPreTokenizer; WordPiece with "##" and at most 100 characters a word; "[CLS] … [SEP]", at most 128 tokens). It
 * gives the same ids as the Rust library on the corpus checked in ADR 0120, without its native code or downloads.
 */
final class WordPieceTokenizer {

    static final int MAX_TOKENS = 128;
    private static final int MAX_WORD_CHARS = 100;
    private static final String[] SPECIAL = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int classify;
    private final int separator;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = id("[UNK]");
        this.classify = id("[CLS]");
        this.separator = id("[SEP]");
    }

    /** Reads the vocabulary ({@code model.vocab}) of a Hugging Face tokenizer.json. */
    static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException("tokenizer.json has no model.vocab");
        }
        Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
        vocab.properties().forEach(entry -> vocabulary.put(entry.getKey(), entry.getValue().asInt()));
        return new WordPieceTokenizer(vocabulary);
    }

    int id(String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalStateException("the vocabulary lacks " + token);
        }
        return id;
    }

    /** The token ids of {@code text}, with [CLS] and [SEP], at most {@link #MAX_TOKENS}. */
    int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        ids.add(classify);
        // Special tokens written in the text are matched before normalising, as the Rust library does.
        int position = 0;
        while (position < text.length()) {
            int next = -1;
            String special = null;
            for (String candidate : SPECIAL) {
                int at = text.indexOf(candidate, position);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    special = candidate;
                }
            }
            if (next < 0) {
                encodePlain(text.substring(position), ids);
                break;
            }
            encodePlain(text.substring(position, next), ids);
            ids.add(id(special));
            position = next + special.length();
        }
        int kept = Math.min(ids.size(), MAX_TOKENS - 1);
        int[] out = new int[kept + 1];
        for (int i = 0; i < kept; i++) {
            out[i] = ids.get(i);
        }
        out[kept] = separator;
        return out;
    }

    private void encodePlain(String text, List<Integer> out) {
        String normalized = normalize(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (isWhitespace(c)) {
                addWord(word, out);
            } else if (isPunctuation(c)) {
                addWord(word, out);
                word.appendCodePoint(c);
                addWord(word, out);
            } else {
                word.appendCodePoint(c);
            }
        }
        addWord(word, out);
    }

    /** Greedy longest-match-first WordPiece; a word with an unknown piece is one [UNK]. */
    private void addWord(StringBuilder buffer, List<Integer> out) {
        if (buffer.isEmpty()) {
            return;
        }
        String word = buffer.toString();
        buffer.setLength(0);
        if (word.codePointCount(0, word.length()) > MAX_WORD_CHARS) {
            out.add(unknown);
            return;
        }
        List<Integer> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer piece = null;
            while (start < end) {
                String candidate = start > 0 ? "##" + word.substring(start, end) : word.substring(start, end);
                piece = vocabulary.get(candidate);
                if (piece != null) {
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (piece == null) {
                out.add(unknown);
                return;
            }
            pieces.add(piece);
            start = end;
        }
        out.addAll(pieces);
    }

    static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                continue;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isCjk(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        }
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            // Only non-spacing marks (Mn) are accents to the Rust library; lower case one code point at a time.
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(Character.toString(c).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR
                || Character.isWhitespace(c);
    }

    /** Cc, Cf, Co and Cs but not Cn, and not the three white-space controls. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        if (c == 0x061D) {
            // Unicode 14 made it punctuation; the Rust library's tables predate it.
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
