package org.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No SQL is built from user values (a static check of the sources). The text handed to JDBC
 * ({@code prepareStatement}, {@code execute…} on a statement) may be made only of string literals, constants
 * (UPPER_CASE), numbers and booleans, calls of the fixed-fragment builders in {@link #FRAGMENT_CALLS} (placeholder
 * lists, a filter's condition, an enum's column name), and local variables or parameters that are themselves built
 * that way (a parameter is checked at every call site in its file). User values travel as bound parameters only.
 */
class SqlIsParameterisedTest {

    private static final Pattern PREPARE = Pattern.compile("\\.(prepareStatement)\\(");
    private static final Pattern EXECUTE = Pattern.compile(
            "(?i:statement|\\w*Statement\\(\\))\\.(executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch)\\(");
    private static final Pattern COMPARISON = Pattern.compile("(==|!=|<|>|instanceof\\b)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FRAGMENT_CALLS = Set.of("placeholders", "condition", "column", "columns", "join",
            "nCopies", "repeat", "toString", "sqlExpression", "sqlColumn", "parameterCount", "valueOf",
            // SqlNames: names checked to be plain identifiers; Tables: the undo recorder's fixed table descriptors.
            "identifier", "identifiers", "upsert", "table", "whereKey", "ordinal");
    private static final Set<String> SAFE_NAMES = Set.of("String", "Collections", "Integer", "Long", "Math",
            "java", "util", "true", "false", "null", "new", "length", "size");
    private static final Pattern PRIMITIVE_DECLARATION = Pattern.compile(
            "\\b(?:boolean|int|long|double|float|short|byte|char|Boolean|Integer|Long)\\s+%s\\b");

    @Test
    void everySqlTextIsBuiltFromFixedPartsOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                ALL_SOURCES.add(Files.readString(file));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern pattern : List.of(PREPARE, EXECUTE)) {
                    Matcher call = pattern.matcher(source);
                    while (call.find()) {
                        calls++;
                        String argument = arguments(source, call.end()).getFirst();
                        for (String problem : check(argument, source, 0)) {
                            violations.add(file.getFileName() + ": " + call.group(1) + "(" + abbreviate(argument)
                                    + "): " + problem);
                        }
                    }
                }
            }
        }
        assertFalse(calls < 20, "the scan found the JDBC calls (" + calls + ")");
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckCatchesValuesConcatenatedIntoSql() {
        String source = """
                void find(Connection c, String name) {
                    String sql = "SELECT * FROM repository WHERE full_name = '" + name + "'";
                    c.prepareStatement(sql);
                }
                """;
        Matcher call = PREPARE.matcher(source);
        call.find();
        assertFalse(check(arguments(source, call.end()).getFirst(), source, 0).isEmpty());
    }

    private static final List<String> ALL_SOURCES = new ArrayList<>();

    private static List<String> check(String expression, String source, int depth) {
        List<String> problems = new ArrayList<>();
        String code = stripLiterals(expression);
        Matcher token = TOKEN.matcher(code);
        while (token.find()) {
            String name = token.group();
            int after = skipSpaces(code, token.end());
            boolean followedByCall = after < code.length() && code.charAt(after) == '(';
            boolean followedByDot = after < code.length() && code.charAt(after) == '.';
            boolean afterDot = token.start() > 0 && code.charAt(token.start() - 1) == '.';
            if (SAFE_NAMES.contains(name) || isConstant(name) || Character.isDigit(name.charAt(0))) {
                continue;
            }
            if (followedByCall) {
                List<String> built = afterDot || depth >= 4 ? null : builderParts(source, name);
                if (built != null) {
                    // A method of this file that builds SQL: every part it appends or returns must be fixed too.
                    for (String part : built) {
                        problems.addAll(check(part, source, depth + 1));
                    }
                    token.region(matchingParenthesis(code, after), code.length());
                } else if (!FRAGMENT_CALLS.contains(name)) {
                    problems.add("calls " + name + "(…), which is not a fixed-fragment builder");
                } else {
                    // A fixed-fragment builder vouches for its result: its arguments are not SQL text.
                    int close = matchingParenthesis(code, after);
                    token.region(close, code.length());
                }
                continue;
            }
            if (followedByDot || afterDot) {
                continue; // a receiver or a field: judged by the call or constant it leads to
            }
            if (COMPARISON.matcher(code.substring(after)).lookingAt()) {
                continue; // only a true/false decision reaches the SQL, e.g. key == SortKey.NAME ? … : …
            }
            if (depth >= 4) {
                continue;
            }
            if (Pattern.compile(String.format(PRIMITIVE_DECLARATION.pattern(), Pattern.quote(name))).matcher(source)
                    .find()) {
                continue;
            }
            String assigned = assignment(source, name);
            if (assigned != null) {
                problems.addAll(check(assigned, source, depth + 1));
                continue;
            }
            List<String> callSites = callSiteArguments(source, name);
            if (callSites == null || callSites.isEmpty()) {
                problems.add("uses " + name + ", which cannot be traced to fixed text");
            } else {
                for (String argument : callSites) {
                    problems.addAll(check(argument, source, depth + 1));
                }
            }
        }
        return problems;
    }

    private static boolean isConstant(String name) {
        return name.equals(name.toUpperCase()) && Character.isLetter(name.charAt(0));
    }

    /** The expression a local variable or field is assigned where it is declared (or in a constructor). */
    private static String assignment(String source, String name) {
        Matcher declaration = Pattern.compile("(?:\\b(?:String|var|StringBuilder)\\s+|\\bthis\\.)"
                + Pattern.quote(name) + "\\s*=(?!=)\\s*").matcher(source);
        if (!declaration.find()) {
            return null;
        }
        return source.substring(declaration.end(), statementEnd(source, declaration.end()));
    }

    /**
     * When {@code name} is a method of this file, the SQL parts it builds: every {@code .append(…)} argument and
     * every {@code return} expression in its body; null when it is not a method of this file.
     */
    private static List<String> builderParts(String source, String name) {
        Matcher declaration = Pattern.compile("\\b" + Pattern.quote(name)
                + "\\s*\\([^)]*\\)\\s*(?:throws [\\w., ]+)?\\{").matcher(source);
        if (!declaration.find()) {
            return null;
        }
        int open = declaration.end() - 1;
        int depth = 0;
        int close = open;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = stringEnd(source, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                close = i;
                break;
            }
        }
        String body = source.substring(open + 1, close);
        List<String> parts = new ArrayList<>();
        Matcher append = Pattern.compile("\\.append\\(").matcher(body);
        while (append.find()) {
            parts.add(arguments(body, append.end()).getFirst());
        }
        Matcher returns = Pattern.compile("\\breturn\\s+").matcher(body);
        while (returns.find()) {
            parts.add(body.substring(returns.end(), statementEnd(body, returns.end())));
        }
        return parts;
    }

    /**
     * When {@code name} is a String parameter of a method in this file, the arguments passed for it at each call of
     * that method in the file; null when it is not such a parameter.
     */
    private static List<String> callSiteArguments(String source, String name) {
        Matcher signature = Pattern.compile("(\\w+)\\s*\\(([^()]*\\bString\\s+" + Pattern.quote(name) + "\\b[^()]*)\\)")
                .matcher(source);
        if (!signature.find()) {
            return null;
        }
        String method = signature.group(1);
        String[] parameters = signature.group(2).split(",");
        int position = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].strip().endsWith(" " + name)) {
                position = i;
            }
        }
        List<String> found = new ArrayList<>();
        int lineStart = source.lastIndexOf('\n', signature.start()) + 1;
        boolean privateMethod = source.substring(lineStart, signature.start()).contains("private ");
        // A private method is called from its own file only; others also through "receiver.method(" elsewhere.
        Pattern sameFile = Pattern.compile("(?<![\\w])" + Pattern.quote(method) + "\\(");
        Pattern otherFiles = Pattern.compile("\\." + Pattern.quote(method) + "\\(");
        List<String> sources = new ArrayList<>();
        sources.add(source);
        if (!privateMethod) {
            ALL_SOURCES.stream().filter(file -> !file.equals(source)).forEach(sources::add);
        }
        for (String file : sources) {
            Matcher call = (file == source ? sameFile : otherFiles).matcher(file);
            while (call.find()) {
                if (file == source && call.start() == signature.start()
                        || file.startsWith(" ", Math.max(0, call.start() - 1)) && isDeclaration(file, call.start())) {
                    continue;
                }
                List<String> arguments = arguments(file, call.end());
                if (position < arguments.size()) {
                    found.add(arguments.get(position));
                }
            }
        }
        return found;
    }

    /** True where the match is the method's own declaration (a type or modifier precedes the name). */
    private static boolean isDeclaration(String source, int nameStart) {
        int lineStart = source.lastIndexOf('\n', nameStart) + 1;
        String before = source.substring(lineStart, nameStart).strip();
        return before.matches("(?:public |private |protected |static |final )*[\\w<>\\[\\], ]+");
    }

    /** The top-level arguments of a call whose '(' ends at {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        int depth = 1;
        int from = start;
        for (int i = start; i < source.length(); i++) {
            if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 2;
                continue;
            }
            char c = source.charAt(i);
            if (c == '"') {
                i = stringEnd(source, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (--depth == 0) {
                    arguments.add(source.substring(from, i));
                    return arguments;
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(source.substring(from, i));
                from = i + 1;
            }
        }
        arguments.add(source.substring(from));
        return arguments;
    }

    private static int statementEnd(String source, int start) {
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                i = stringEnd(source, i);
            } else if (c == ';') {
                return i;
            }
        }
        return source.length();
    }

    private static int stringEnd(String source, int quote) {
        for (int i = quote + 1; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.charAt(i) == '"') {
                return i;
            }
        }
        return source.length();
    }

    private static int matchingParenthesis(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '(') {
                depth++;
            } else if (code.charAt(i) == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return code.length();
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String stripLiterals(String code) {
        return code.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"").replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("'(?:\\\\.|[^'\\\\])'", "' '");
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 70 ? flat.substring(0, 67) + "…" : flat;
    }
}
