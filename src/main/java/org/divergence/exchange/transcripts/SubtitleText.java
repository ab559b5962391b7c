package org.divergence.exchange.transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;

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

    static String fromVtt(String source, String file) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        if (!text.startsWith("WEBVTT")) {
            throw new InvalidInputException(file + ": not a WebVTT file (the first line must be WEBVTT)");
        }
        return render(cues(text, file, true));
    }

    static String fromSrt(String source, String file) {
        String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
        List<Cue> cues = cues(text, file, false);
        if (cues.isEmpty() && !text.isBlank()) {
            throw new InvalidInputException(file + ": no subtitle timings found (expected lines like "
                    + "00:00:01,000 --> 00:00:04,000)");
        }
        return render(cues);
    }

    private static List<Cue> cues(String text, String file, boolean vtt) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<Cue> cues = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (vtt && (line.startsWith("NOTE") || line.startsWith("STYLE") || line.startsWith("REGION"))) {
                while (i < lines.length && !lines[i].isBlank()) {
                    i++;
                }
                continue;
            }
            Matcher timing = TIMING.matcher(line);
            if (!timing.matches()) {
                i++;
                continue;
            }
            String time = "%02d:%02d:%02d".formatted(timing.group(1) == null ? 0 : Integer.parseInt(timing.group(1)),
                    Integer.parseInt(timing.group(2)), Integer.parseInt(timing.group(3)));
            i++;
            StringBuilder body = new StringBuilder();
            while (i < lines.length && !lines[i].isBlank()) {
                if (!body.isEmpty()) {
                    body.append(' ');
                }
                body.append(lines[i].strip());
                i++;
            }
            String speaker = null;
            String content = body.toString();
            Matcher voice = VOICE.matcher(content);
            if (voice.find()) {
                speaker = voice.group(1).strip();
            }
            content = TAG.matcher(content).replaceAll("").strip();
            content = content.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&nbsp;", " ");
            if (speaker == null) {
                Matcher prefix = SPEAKER_PREFIX.matcher(content);
                if (prefix.matches()) {
                    speaker = prefix.group(1);
                    content = prefix.group(2).strip();
                }
            }
            if (!content.isEmpty()) {
                cues.add(new Cue(time, speaker, content));
            }
        }
        if (cues.size() > 2_000_000) {
            throw new InvalidInputException(file + ": too many cues");
        }
        return cues;
    }

    private static String render(List<Cue> cues) {
        StringBuilder out = new StringBuilder();
        Cue open = null;
        StringBuilder openText = new StringBuilder();
        for (Cue cue : cues) {
            if (open != null && open.speaker() != null && open.speaker().equals(cue.speaker())) {
                openText.append(' ').append(cue.text());
                continue;
            }
            flush(out, open, openText);
            open = cue;
            openText.setLength(0);
            openText.append(cue.text());
        }
        flush(out, open, openText);
        return out.toString();
    }

    private static void flush(StringBuilder out, Cue cue, CharSequence text) {
        if (cue == null) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append('[').append(cue.time()).append("] ");
        if (cue.speaker() != null) {
            out.append(cue.speaker()).append(": ");
        }
        out.append(text);
    }
}
