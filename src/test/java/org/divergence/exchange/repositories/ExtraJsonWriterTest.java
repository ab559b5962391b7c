package org.divergence.exchange.repositories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Parquet import's extras, written as JSON from the file's bytes, are the text the store's Jackson writes for the
 * same map (RepositoryTableWriter serialises a row's extras map with a default ObjectMapper): escapes, non-ASCII and
 * malformed UTF-8, numbers, lists, and a key put twice.
 */
class ExtraJsonWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesWhatJacksonWritesForTheSameMap() throws Exception {
        ExtraJsonWriter json = new ExtraJsonWriter();
        int text = json.key("text");
        int number = json.key("n");
        int real = json.key("x");
        int flag = json.key("flag");
        int list = json.key("tags \"quoted\"\t");
        json.beginRow();
        Map<String, Object> expected = new LinkedHashMap<>();
        String tricky = "a\"b\\c/d\u0000\u0001\b\t\n\f\r\u001f\u007f é ü 漢字 😀 end";
        put(json, text, tricky.getBytes(StandardCharsets.UTF_8));
        expected.put("text", tricky);
        json.begin();
        json.number(Long.MIN_VALUE);
        json.end(number);
        expected.put("n", Long.MIN_VALUE);
        json.begin();
        json.number((double) 0.1f);
        json.end(real);
        expected.put("x", (double) 0.1f);
        json.begin();
        json.bool(false);
        json.end(flag);
        expected.put("flag", false);
        json.begin();
        json.beginList();
        json.text("first");
        json.text(tricky);
        json.number(7);
        json.endList();
        json.end(list);
        expected.put("tags \"quoted\"\t", List.of("first", tricky, 7L));
        assertEquals(JACKSON.writeValueAsString(expected), json.finish());
    }

    @Test
    void aKeyPutAgainKeepsItsPlaceAndTakesTheNewValue() throws Exception {
        ExtraJsonWriter json = new ExtraJsonWriter();
        int base = json.key("base_model");
        int author = json.key("author");
        assertEquals(base, json.key("base_model"));
        json.beginRow();
        putText(json, base, "org/first");
        putText(json, author, "someone");
        json.begin();
        json.beginList();
        json.endList();
        json.end(base);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("base_model", "org/first");
        expected.put("author", "someone");
        expected.put("base_model", List.of());
        assertEquals(JACKSON.writeValueAsString(expected), json.finish());

        // The next row starts empty; a discarded value (null) puts no key.
        json.beginRow();
        json.begin();
        json.text("dropped");
        json.discard();
        assertNull(json.finish());
        json.beginRow();
        putText(json, author, "only");
        assertEquals("{\"author\":\"only\"}", json.finish());
    }

    @Test
    void numbersAsJacksonWritesThem() throws Exception {
        double[] reals = {0.0, -0.0, 1.0, 1e7, 1.0e-5, 123456789.125, 1e300, Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        long[] longs = {0, 9, 10, -1, Long.MAX_VALUE, 4294967295L};
        ExtraJsonWriter json = new ExtraJsonWriter();
        int key = json.key("v");
        for (double value : reals) {
            json.beginRow();
            json.begin();
            json.number(value);
            json.end(key);
            assertEquals(JACKSON.writeValueAsString(Map.of("v", value)), json.finish(), "double " + value);
        }
        for (long value : longs) {
            json.beginRow();
            json.begin();
            json.number(value);
            json.end(key);
            assertEquals(JACKSON.writeValueAsString(Map.of("v", value)), json.finish(), "long " + value);
        }
    }

    @Test
    void randomTextAndMalformedUtf8AsJavaReadsIt() throws Exception {
        Random random = new Random(21);
        ExtraJsonWriter json = new ExtraJsonWriter();
        int key = json.key("k");
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Mostly ASCII (controls and quotes included), sometimes any byte (often malformed UTF-8).
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(128));
            }
            List<Object> list = new ArrayList<>();
            json.beginRow();
            json.begin();
            json.beginList();
            for (int element = 0; element < 3; element++) {
                json.text(bytes, 0, bytes.length);
                list.add(new String(bytes, StandardCharsets.UTF_8));
            }
            json.endList();
            json.end(key);
            assertEquals(JACKSON.writeValueAsString(Map.of("k", list)), json.finish());
        }
    }

    private static void put(ExtraJsonWriter json, int key, byte[] utf8) {
        byte[] padded = new byte[utf8.length + 6];
        System.arraycopy(utf8, 0, padded, 3, utf8.length);
        json.begin();
        json.text(padded, 3, 3 + utf8.length);
        json.end(key);
    }

    private static void putText(ExtraJsonWriter json, int key, String text) {
        json.begin();
        json.text(text);
        json.end(key);
    }
}
