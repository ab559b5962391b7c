package org.divergence.core.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds speaker turns in a transcript: a turn starts at a line that begins with a speaker label ("Interviewer:",
 * "P3:", "Maria Lopez:", "[00:12:03] Name:") or with a timestamp alone, and runs until the next turn. The turns tile
 * the whole text (text before the first label is a turn without speaker), so they can serve as coding units.
 */
public final class SpeakerTurns {

    /**
     * A label is up to four words, each starting with a capital letter or a digit ("P3", "Dr. Smith", "Participant 3"),
     * so that ordinary sentences with a colon ("So the thing is: ...") are not taken for speakers.
     */
    private static final Pattern LABEL = Pattern.compile(
            "^(?:\\[(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?)\\][ \\t]*)?"
                    + "(?:(?<name>[\\p{Lu}\\p{N}][\\p{L}\\p{N}.'’_-]*(?: [\\p{Lu}\\p{N}(][\\p{L}\\p{N}.'’_()-]*){0,3})"
                    + "[ \\t]*:(?:[ \\t]+|$))?");

    private SpeakerTurns() {
    }

    public static List<SpeakerTurn> detect(String text) {
        List<SpeakerTurn> turns = new ArrayList<>();
        int lineStartUtf16 = 0;
        int lineStartCp = 0;
        int turnStart = 0;
        int turnLabelEnd = 0;
        String speaker = null;
        String timestamp = null;
        boolean open = false;
        int length = text.length();
        while (lineStartUtf16 <= length) {
            int newline = text.indexOf('\n', lineStartUtf16);
            int lineEndUtf16 = newline < 0 ? length : newline;
            String line = text.substring(lineStartUtf16, lineEndUtf16);
            Matcher matcher = LABEL.matcher(line);
            if (matcher.lookingAt() && matcher.end() > 0
                    && (matcher.group("name") != null || matcher.group("time") != null)) {
                if (open || lineStartCp > 0) {
                    addTurn(turns, text, turnStart, lineStartCp, turnLabelEnd, speaker, timestamp, open);
                }
                open = true;
                turnStart = lineStartCp;
                turnLabelEnd = lineStartCp + line.codePointCount(0, matcher.end());
                speaker = matcher.group("name");
                timestamp = matcher.group("time");
            }
            int lineCps = line.codePointCount(0, line.length());
            if (newline < 0) {
                lineStartCp += lineCps;
                break;
            }
            lineStartCp += lineCps + 1;
            lineStartUtf16 = newline + 1;
        }
        if (open || lineStartCp > 0) {
            addTurn(turns, text, turnStart, lineStartCp, turnLabelEnd, speaker, timestamp, open);
        }
        return turns;
    }

    private static void addTurn(List<SpeakerTurn> turns, String text, int start, int end, int labelEnd,
                                String speaker, String timestamp, boolean labelled) {
        if (end <= start) {
            return;
        }
        if (!labelled) {
            // Leading text without a label: a turn of its own, unless it is only blank lines.
            if (text.substring(0, text.offsetByCodePoints(0, end)).isBlank()) {
                return;
            }
            turns.add(new SpeakerTurn(start, end, start, null, null));
            return;
        }
        turns.add(new SpeakerTurn(start, end, labelEnd, speaker == null ? null : speaker.strip(), timestamp));
    }
}
