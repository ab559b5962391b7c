package org.divergence.exchange.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Jackson for API answers, bounded like every untrusted input: nesting, string and number sizes. */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(8192)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private ApiJson() {
    }

    /** Parses an answer; {@code what} names the request in the error ("GET https://…"). */
    static JsonNode parse(byte[] body, String what) {
        if (body.length == 0) {
            throw new MalformedResponseException(what + ": the answer is empty where JSON was expected");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new MalformedResponseException(what + ": the answer is empty where JSON was expected");
            }
            return node;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new MalformedResponseException(what + ": the answer is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + line + ", column " + column + ")", e);
        } catch (IOException e) {
            throw new MalformedResponseException(what + ": the answer could not be read (" + e.getMessage() + ")", e);
        }
    }
}
