package org.divergence.store.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settings.json} read and written with Jackson's streaming parser, field by field. The settings are read
 * before the first window appears, and Jackson's object mapper costs a quarter of a second of class loading and
 * set-up there (docs/decisions/0138). The format is the one the object mapper wrote before: the public fields of
 * {@link Settings} by name, unknown fields ignored, nulls written.
 */
final class SettingsJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SettingsJson() {
    }

    static Settings read(InputStream in) throws IOException {
        Settings settings = new Settings();
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("settings are not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "windowWidth" -> settings.windowWidth = number(parser, settings.windowWidth);
                    case "windowHeight" -> settings.windowHeight = number(parser, settings.windowHeight);
                    case "windowX" -> settings.windowX = nullableNumber(parser);
                    case "windowY" -> settings.windowY = nullableNumber(parser);
                    case "maximized" -> settings.maximized = parser.getValueAsBoolean();
                    case "theme" -> settings.theme = text(parser, settings.theme);
                    case "lastProject" -> settings.lastProject = text(parser, null);
                    case "recentProjects" -> settings.recentProjects = texts(parser, new ArrayList<>());
                    case "currentCoder" -> settings.currentCoder = text(parser, null);
                    case "blindCoding" -> settings.blindCoding = parser.getValueAsBoolean();
                    case "welcomeDismissed" -> settings.welcomeDismissed = parser.getValueAsBoolean();
                    case "compareColumns" -> settings.compareColumns = texts(parser, null);
                    case "compareTableDivider" -> settings.compareTableDivider = nullableNumber(parser);
                    case "compareChartDivider" -> settings.compareChartDivider = nullableNumber(parser);
                    case "compareHeadlinesShown" -> settings.compareHeadlinesShown =
                            parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsBoolean();
                    case "columnMappings" -> settings.columnMappings = columnMappings(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        return settings;
    }

    static void write(Settings settings, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeNumberField("windowWidth", settings.windowWidth);
            json.writeNumberField("windowHeight", settings.windowHeight);
            nullableNumber(json, "windowX", settings.windowX);
            nullableNumber(json, "windowY", settings.windowY);
            json.writeBooleanField("maximized", settings.maximized);
            json.writeStringField("theme", settings.theme);
            json.writeStringField("lastProject", settings.lastProject);
            texts(json, "recentProjects", settings.recentProjects);
            json.writeStringField("currentCoder", settings.currentCoder);
            json.writeBooleanField("blindCoding", settings.blindCoding);
            json.writeBooleanField("welcomeDismissed", settings.welcomeDismissed);
            texts(json, "compareColumns", settings.compareColumns);
            nullableNumber(json, "compareTableDivider", settings.compareTableDivider);
            nullableNumber(json, "compareChartDivider", settings.compareChartDivider);
            json.writeFieldName("compareHeadlinesShown");
            if (settings.compareHeadlinesShown == null) {
                json.writeNull();
            } else {
                json.writeBoolean(settings.compareHeadlinesShown);
            }
            json.writeArrayFieldStart("columnMappings");
            for (Settings.ColumnMappingSetting mapping : settings.columnMappings) {
                json.writeStartObject();
                texts(json, "header", mapping.header);
                json.writeObjectFieldStart("columns");
                for (Map.Entry<String, String> column : mapping.columns.entrySet()) {
                    json.writeStringField(column.getKey(), column.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static double number(JsonParser parser, double fallback) throws IOException {
        return parser.currentToken().isNumeric() ? parser.getDoubleValue() : fallback;
    }

    private static Double nullableNumber(JsonParser parser) throws IOException {
        return parser.currentToken().isNumeric() ? parser.getDoubleValue() : null;
    }

    private static String text(JsonParser parser, String fallback) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : fallback;
    }

    /** A list of strings, or {@code fallback} for null (anything else in the list is skipped). */
    private static List<String> texts(JsonParser parser, List<String> fallback) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return fallback;
        }
        List<String> texts = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                texts.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return texts;
    }

    private static List<Settings.ColumnMappingSetting> columnMappings(JsonParser parser) throws IOException {
        List<Settings.ColumnMappingSetting> mappings = new ArrayList<>();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return mappings;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            Settings.ColumnMappingSetting mapping = new Settings.ColumnMappingSetting();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "header" -> mapping.header = texts(parser, new ArrayList<>());
                    case "columns" -> mapping.columns = textMap(parser);
                    default -> parser.skipChildren();
                }
            }
            mappings.add(mapping);
        }
        return mappings;
    }

    private static Map<String, String> textMap(JsonParser parser) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return map;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                map.put(key, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return map;
    }

    private static void nullableNumber(JsonGenerator json, String name, Double value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    private static void texts(JsonGenerator json, String name, List<String> texts) throws IOException {
        json.writeFieldName(name);
        if (texts == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String text : texts) {
            json.writeString(text);
        }
        json.writeEndArray();
    }
}
