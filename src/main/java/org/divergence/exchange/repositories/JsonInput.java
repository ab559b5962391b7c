package org.divergence.exchange.repositories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.divergence.core.common.InvalidInputException;
import org.divergence.core.repositories.CanonicalValues;
import org.divergence.core.repositories.RowProblem;

/**
 * Jackson set up for untrusted JSON: duplicate keys are errors, and nesting, string and number sizes are bounded
 * so a hostile or broken file cannot exhaust memory. Also the conversions of JSON values to canonical cells.
 */
final class JsonInput {

    /** No repository object needs more; a larger one is refused before it can exhaust memory. */
    static final long MAX_RECORD_BYTES = 8L * 1024 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(1024 * 1024)
                    .maxNumberLength(64)
                    .maxNameLength(4096)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private JsonInput() {
    }

    static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.getFactory().createParser(in);
    }

    /** "FILE:LINE: what Jackson found", without Jackson's source dump. */
    static InvalidInputException problem(String fileName, JsonProcessingException e, JsonParser parser) {
        long line = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation().getLineNr()
                : parser == null ? 0 : parser.currentLocation().getLineNr();
        String message = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            message = message.replaceAll(", from `[^`]*`", "");
        }
        if (message != null && message.startsWith("Unexpected end-of-input")) {
            message = "truncated JSON (" + message + ")";
        }
        return new InvalidInputException(fileName + ":" + line + ": invalid JSON: " + message, e);
    }

    static String text(JsonNode object, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new RowProblem(field, "is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new RowProblem(field, value + " is not a string");
        }
        return value.textValue();
    }

    /** A count from a JSON number (whole, ≥ 0), a digit string, or null; -1 when unknown. */
    static long count(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return -1;
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new RowProblem(field, value + " is too large for a count");
            }
            long number = value.longValue();
            if (number < 0) {
                throw new RowProblem(field, number + " is negative; counts are whole numbers ≥ 0");
            }
            return number;
        }
        if (value.isFloatingPointNumber() || value.isBigDecimal()) {
            double number = value.doubleValue();
            if (number >= 0 && number == Math.rint(number) && number < 9e15) {
                return (long) number;
            }
            throw new RowProblem(field, value + " is not a whole number ≥ 0");
        }
        if (value.isTextual()) {
            return CanonicalValues.count(value.textValue(), field);
        }
        throw new RowProblem(field, value + " is not a number");
    }

    /** A JSON value as plain Java (String, Number, Boolean, List, Map) for the extra columns. */
    static Object plain(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            return MAPPER.convertValue(value, List.class);
        }
        if (value.isObject()) {
            return MAPPER.convertValue(value, Map.class);
        }
        return null;
    }
}
