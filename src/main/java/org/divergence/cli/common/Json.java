package org.divergence.cli.common;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one JSON mapper of the command line's output. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
