package org.divergence.exchange.repositories;

import java.nio.file.Path;

/** Where a row came from, for messages: {@code FILE:LINE} (CSV, JSON Lines) or {@code FILE: item N} (JSON arrays). */
public record SourceLocation(Path file, long line, long item) {

    public static SourceLocation line(Path file, long line) {
        return new SourceLocation(file, line, -1);
    }

    public static SourceLocation item(Path file, long line, long item) {
        return new SourceLocation(file, line, item);
    }

    @Override
    public String toString() {
        String name = file.getFileName().toString();
        if (item >= 0) {
            return name + ":" + line + ": item " + item;
        }
        return line > 0 ? name + ":" + line : name;
    }
}
