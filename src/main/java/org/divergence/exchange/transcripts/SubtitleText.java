package org.divergence.exchange.transcripts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;
import org.divergence.exchange.common.BoundedText;

/**
 * Turns WebVTT and SubRip subtitles into transcript lines "[hh:mm:ss] Speaker: text", one per turn: consecutive cues
 * of the same speaker (a WebVTT voice tag {@code <v Name>} or a "Name:" prefix) join into one line that keeps the
 * first cue's time, so a recording's timing survives while the text reads as an interview.
 */
final class SubtitleText {

    private static final Pattern TIMING = Pattern.compile(
            "^\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})[.,](\\d{1,3})\\s*-->\\s*(?:\\d{1,3}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}.*$");
    private static final Pattern VOICE = Pattern.compile("^<v(?:\\.[^ >]*)?\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("</?[^>\\n]{1,80}>");
    private static final Pattern SPEAKER_PREFIX = Pattern.compile(
            "^([\\p{Lu}\\p{N}][\\p{L}\\p{N}.'’_-]*(?: [\\p{Lu}\\p{N}][\\p{L}\\p{N}.'’_-]*){0,3})\\s*:\\s+(.*)$",
            Pattern.DOTALL);

    private record Cue(String time, String speaker, String text) {
    }

    private SubtitleText() {
    }

    static String fromVtt(String source, String file, int maxChars) throws BoundedText.TooLong {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        if (!text.startsWith("WEBVTT")) {
            throw new InvalidInputException(file + ": not a WebVTT file (the first line must be WEBVTT)");
        }
        return turns(text, true, maxChars).toString();
    }

    static String fromSrt(String source, String file, int maxChars) throws BoundedText.TooLong {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        Turns turns = turns(text, false, maxChars);
        if (turns.cues == 0 && !text.isBlank()) {
            throw new InvalidInputException(file + ": no subtitle timings found (expected lines like "
                    + "00:00:01,000 --> 00:00:04,000)");
        }
        return turns.toString();
    }

    /** Reads the cues one line at a time (the text is never split into an array) and writes turns as they close. */
    private static Turns turns(String text, boolean vtt, int maxChars) throws BoundedText.TooLong {
        Lines lines = new Lines(text);
        Turns turns = new Turns(maxChars);
        while (lines.hasNext()) {
            String line = lines.next();
            if (vtt && (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION"))) {
                while (lines.hasNext() && !lines.peek().isBlank()) {
                    lines.next();
                }
                continue;
            }
            Matcher timing = TIMING.matcher(line);
            if (!timing.matches()) {
                continue;
            }
            String time = "%02d:%02d:%02d".formatted(timing.group(1) == null ? 0 : Integer.parseInt(timing.group(1)),
                    Integer.parseInt(timing.group(2)), Integer.parseInt(timing.group(3)));
            StringBuilder body = new StringBuilder();
            while (lines.hasNext() && !lines.peek().isBlank()) {
                if (!body.isEmpty()) {
                    body.append(' ');
                }
                body.append(lines.next().strip());
                if (body.length() > maxChars) {
                    throw new BoundedText.TooLong(maxChars);
                }
            }
            Cue cue = cue(time, body.toString());
            if (cue != null) {
                turns.add(cue);
            }
        }
        turns.close();
        return turns;
    }

    private static Cue cue(String time, String body) {
        String speaker = null;
        String content = body;
        Matcher voice = VOICE.matcher(content);
        if (voice.find()) {
            speaker = voice.group(1).strip();
        }
        content = TAG.matcher(content).replaceAll("").strip();
        content = content.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ");
        if (speaker == null) {
            Matcher prefix = SPEAKER_PREFIX.matcher(content);
            if (prefix.matches()) {
                speaker = prefix.group(1);
                content = prefix.group(2).strip();
            }
        }
        return content.isEmpty() ? null : new Cue(time, speaker, content);
    }

    /** The lines of a text (CRLF, CR or LF), one at a time, with one line of look-ahead. */
    private static final class Lines {
        private final String text;
        private int position;
        private String peeked;

        Lines(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return peeked != null || position <= text.length() && !(position == text.length() && endsWithBreak());
        }

        private boolean endsWithBreak() {
            return position > 0 && (text.charAt(position - 1) == '\n' || text.charAt(position - 1) == '\r');
        }

        String peek() {
            if (peeked == null) {
                peeked = read();
            }
            return peeked;
        }

        String next() {
            String line = peek();
            peeked = null;
            return line;
        }

        private String read() {
            int end = position;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(position, end);
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
                    && text.charAt(end + 1) == '\n') {
                end++;
            }
            position = end + 1;
            return line;
        }
    }

    /** Consecutive cues of one speaker join into one turn, written "[hh:mm:ss] Speaker: text" once it closes. */
    private static final class Turns {
        private final BoundedText.Sink out;
        private Cue open;
        private final StringBuilder openText = new StringBuilder();
        private long cues;

        Turns(int maxChars) {
            this.out = new BoundedText.Sink(maxChars);
        }

        void add(Cue cue) throws BoundedText.TooLong {
            cues++;
            if (open != null && open.speaker() != null && open.speaker().equals(cue.speaker())) {
                openText.append(' ').append(cue.text());
                if (openText.length() > out.maxChars()) {
                    throw new BoundedText.TooLong(out.maxChars());
                }
                return;
            }
            close();
            open = cue;
            openText.setLength(0);
            openText.append(cue.text());
        }

        void close() throws BoundedText.TooLong {
            if (open == null) {
                return;
            }
            try {
                if (!out.isEmpty()) {
                    out.append('\n');
                }
                out.append('[').append(open.time()).append("] ");
                if (open.speaker() != null) {
                    out.append(open.speaker()).append(": ");
                }
                out.append(openText);
            } catch (BoundedText.TooLong e) {
                throw e;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            open = null;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
