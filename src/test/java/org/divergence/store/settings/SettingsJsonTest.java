package org.divergence.store.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming settings codec against Jackson's object mapper, which wrote settings.json before it. */
class SettingsJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static Settings everythingSet() {
        Settings settings = new Settings();
        settings.windowWidth = 1600.5;
        settings.windowHeight = 1000;
        settings.windowX = -12.0;
        settings.windowY = 30.0;
        settings.maximized = true;
        settings.theme = "dark";
        settings.rememberProject("/home/r/a \"quoted\" project.divergence");
        settings.rememberProject("/home/r/ünïcode.divergence");
        settings.currentCoder = "Ana";
        settings.blindCoding = true;
        settings.welcomeDismissed = true;
        settings.compareColumns = List.of("metric", "quartiles_a");
        settings.compareTableDivider = 0.55;
        settings.compareChartDivider = 0.6;
        settings.compareHeadlinesShown = false;
        settings.rememberColumnMapping(List.of("Repository", "Stars"), Map.of("full_name", "Repository",
                "stars", "Stars"));
        return settings;
    }

    @Test
    void readsWhatTheObjectMapperWroteAndWritesWhatItReads() throws Exception {
        for (Settings settings : List.of(new Settings(), everythingSet())) {
            JsonNode expected = MAPPER.valueToTree(settings);
            Settings read = SettingsJson.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(settings)));
            assertEquals(expected, MAPPER.valueToTree(read));
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            SettingsJson.write(settings, ours);
            assertEquals(expected, MAPPER.readTree(ours.toByteArray()));
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesKeepTheirDefaults() throws Exception {
        String json = "{\"theme\": \"dark\", \"fromANewerVersion\": {\"x\": [1, {\"y\": null}]}, \"windowX\": null}";
        Settings read = SettingsJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals("dark", read.theme);
        assertEquals(800, read.windowHeight);
        assertNull(read.windowX);
        assertNull(read.compareColumns);
    }

    @Test
    void aDamagedFileFallsBackToDefaults(@TempDir Path config) throws Exception {
        Files.writeString(config.resolve("settings.json"), "{\"theme\": \"dark\", \"recentProjects\": [");
        assertEquals("light", new SettingsStore(config).load().theme);
        SettingsStore store = new SettingsStore(config);
        store.save(everythingSet());
        assertEquals(MAPPER.valueToTree(everythingSet()), MAPPER.valueToTree(store.load()));
    }
}
