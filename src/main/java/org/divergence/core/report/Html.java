package org.divergence.core.report;

/** Escaping for HTML and SVG text and attribute values. */
public final class Html {

    private Html() {
    }

    /** Text content: &amp;, &lt; and &gt; escaped. */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An attribute value in double quotes: also &quot; and &#39;. */
    public static String attribute(String value) {
        return text(value).replace("\"", "&quot;").replace("'", "&#39;");
    }
}
