package org.divergence.core.refi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * REFI-QDA GUIDs: 8-4-4-4-12 hexadecimal digits, optionally in braces. Conforming GUIDs are kept (lower case, without
 * braces), so a project exchanged back and forth matches by GUID; anything else gets a name-based UUID derived from
 * it, so the same odd identifier always maps to the same GUID.
 */
public final class Guids {

    private static final Pattern CONFORMING = Pattern.compile(
            "\\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})}?");

    private Guids() {
    }

    public static boolean isConforming(String guid) {
        if (guid == null) {
            return false;
        }
        String trimmed = guid.strip();
        return CONFORMING.matcher(trimmed).matches() && (trimmed.startsWith("{") == trimmed.endsWith("}"));
    }

    /** The canonical form of a conforming GUID, or a stable UUID derived from anything else (null stays null). */
    public static String normalize(String guid) {
        if (guid == null) {
            return null;
        }
        String trimmed = guid.strip();
        if (isConforming(trimmed)) {
            var matcher = CONFORMING.matcher(trimmed);
            matcher.matches();
            return matcher.group(1).toLowerCase(Locale.ROOT);
        }
        return derived("refi-guid", trimmed);
    }

    /** A stable UUID for something that has no GUID of its own, derived from a kind and a key. */
    public static String derived(String kind, String key) {
        return UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
