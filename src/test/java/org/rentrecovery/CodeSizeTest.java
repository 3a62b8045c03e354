package org.rentrecovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No class over {@value #MAX_CLASS_LINES} lines and no method over {@value #MAX_METHOD_LINES} (issue 12): a
 * reader should see one responsibility at a time. What could not be split yet is listed, with its size
 * today as a ceiling, in src/test/resources/architecture/size-allowlist.txt; the list may only shrink: a
 * listed file or method may not grow past its ceiling, and an entry is removed as soon as it fits.
 * After splitting something, lower the ceilings with {@code -Dsize.write=true} (it never adds an entry).
 */
class CodeSizeTest {
    static final int MAX_CLASS_LINES = 300;
    static final int MAX_METHOD_LINES = 40;
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path ALLOW_LIST = Path.of("src/test/resources/architecture/size-allowlist.txt");
    private static final String HEADER = """
            # Classes over %d lines and methods over %d lines not split yet (CodeSizeTest), with their size today as a
            # ceiling. Only ever remove entries or lower a ceiling: ./mvnw test -Dtest=CodeSizeTest -Dsize.write=true
            # lowers them after a split. Keys: a source file under src/main/java, or file#method (longest of that name).
            """.formatted(MAX_CLASS_LINES, MAX_METHOD_LINES);

    @Test
    void shouldKeepClassesAndMethodsShortOrListedWithACeiling() throws IOException {
        Map<String, Integer> measured = measure();
        if (Boolean.getBoolean("size.write")) {
            writeAllowList(measured, readAllowList());
        }
        Map<String, Integer> allowed = readAllowList();
        List<String> problems = new ArrayList<>();
        measured.forEach((key, size) -> {
            Integer ceiling = allowed.get(key);
            if (ceiling == null) {
                problems.add(key + " is " + size + " lines, over the limit of " + limit(key) + ": split it");
            } else if (size > ceiling) {
                problems.add(key + " grew to " + size + " lines, past its listed ceiling of " + ceiling + ": split it");
            }
        });
        allowed.keySet().stream().filter(key -> !measured.containsKey(key))
                .forEach(key -> problems.add(key + " fits the limit now (or is gone): remove it from " + ALLOW_LIST));
        assertThat(problems).as("class and method sizes (see " + ALLOW_LIST + ")").isEmpty();
    }

    @Test
    void shouldMeasureMethodsByTheirDeclarationNotTheirComments() {
        String source = """
                package x;
                /** A class { with a brace in its comment. */
                class Sample {
                    @Deprecated(since = "1")
                    String text(int a) {
                        String s = "}{"; char c = '{';
                        String block = \"""
                                } } }
                                \""";
                        Runnable r = () -> {
                            System.out.println(s);
                        };
                        if (a > 0) {
                            return s;
                        }
                        return block + c;
                    }

                    Sample() {
                    }

                    enum Kind { A, B { void x() { } } }
                }
                """;
        Map<String, Integer> methods = methodLengths(source);
        assertThat(methods).containsEntry("text", 13).containsEntry("Sample", 2).containsEntry("x", 1).hasSize(3);
    }

    private static int limit(String key) {
        return key.contains("#") ? MAX_METHOD_LINES : MAX_CLASS_LINES;
    }

    /** Every file over the class limit and every method over the method limit, by key. */
    private static Map<String, Integer> measure() throws IOException {
        Map<String, Integer> over = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            String key = SOURCES.relativize(file).toString().replace('\\', '/');
            String source = Files.readString(file, StandardCharsets.UTF_8);
            int lines = (int) source.lines().count();
            if (lines > MAX_CLASS_LINES) {
                over.put(key, lines);
            }
            methodLengths(source).forEach((method, length) -> {
                if (length > MAX_METHOD_LINES) {
                    over.put(key + "#" + method, length);
                }
            });
        }
        return over;
    }

    private static Map<String, Integer> readAllowList() throws IOException {
        Map<String, Integer> allowed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ALLOW_LIST, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                String[] parts = entry.split("\\s+");
                allowed.put(parts[0], Integer.parseInt(parts[1]));
            }
        }
        return allowed;
    }

    /** Lowers each listed ceiling to today's size and drops entries that fit; never adds one. */
    private static void writeAllowList(Map<String, Integer> measured, Map<String, Integer> allowed) throws IOException {
        StringBuilder out = new StringBuilder(HEADER);
        allowed.forEach((key, ceiling) -> {
            Integer size = measured.get(key);
            if (size != null) {
                out.append(key).append(' ').append(Math.min(size, ceiling)).append('\n');
            }
        });
        Files.writeString(ALLOW_LIST, out, StandardCharsets.UTF_8);
    }

    // ---- a small Java reader: enough to find method bodies, not a parser ----

    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\b");
    /** The constants of an enum up to one with a body ({@code A, B(1) {}}). */
    private static final Pattern ENUM_CONSTANT = Pattern.compile(
            "(?s)\\s*,?\\s*([A-Z][A-Z0-9_]*\\s*(\\([^{}]*\\))?\\s*,\\s*)*[A-Z][A-Z0-9_]*\\s*(\\([^{}]*\\))?\\s*");
    private static final Pattern METHOD_HEADER = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final List<String> NOT_METHODS = List.of("if", "for", "while", "switch", "catch", "synchronized", "try",
            "else", "do", "return", "new", "throw", "case", "default", "finally");

    private enum Block { TYPE, METHOD, OTHER }

    /** Each method's length in lines, from the line of its name to its closing brace; the longest of each name. */
    static Map<String, Integer> methodLengths(String source) {
        char[] code = blankCommentsAndLiterals(source).toCharArray();
        Map<String, Integer> lengths = new TreeMap<>();
        Deque<Block> blocks = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        int headerStart = 0;
        int line = 1;
        int[] lineAt = new int[code.length + 1];
        for (int i = 0; i < code.length; i++) {
            lineAt[i] = line;
            if (code[i] == '\n') {
                line++;
            }
        }
        for (int i = 0; i < code.length; i++) {
            char c = code[i];
            if (c == ';') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = new String(code, headerStart, i - headerStart);
                Block enclosing = blocks.isEmpty() ? Block.OTHER : blocks.peek();
                String method = enclosing == Block.TYPE ? methodName(header) : null;
                String bare = stripAnnotations(header);
                boolean typeBody = method == null && (TYPE_HEADER.matcher(bare).find()
                        || enclosing == Block.TYPE && ENUM_CONSTANT.matcher(bare).matches());
                blocks.push(method != null ? Block.METHOD : typeBody || blocks.isEmpty() ? Block.TYPE : Block.OTHER);
                names.push(method == null ? "" : method);
                starts.push(method == null ? lineAt[i] : lineAt[headerStart + lastNameIndex(header, method)]);
                headerStart = i + 1;
            } else if (c == '}') {
                if (!blocks.isEmpty()) {
                    Block kind = blocks.pop();
                    String name = names.pop();
                    int start = starts.pop();
                    if (kind == Block.METHOD) {
                        lengths.merge(name, lineAt[i] - start + 1, Math::max);
                    }
                }
                headerStart = i + 1;
            }
        }
        return lengths;
    }

    private static int lastNameIndex(String header, String method) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(header);
        int at = 0;
        while (m.find()) {
            at = m.start();
        }
        return at;
    }

    /** The method or constructor a block header declares, or null when it declares none. */
    private static String methodName(String header) {
        String h = stripAnnotations(header).strip();
        if (h.isEmpty() || h.contains("=") || h.contains("->") || !h.endsWith(")") && !h.matches("(?s).*\\)\\s*throws\\s+[\\w$.,\\s<>]+")) {
            return null;
        }
        Matcher m = METHOD_HEADER.matcher(h);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        String before = h.substring(0, m.start()).strip();
        if (NOT_METHODS.contains(name) || TYPE_HEADER.matcher(before).find()) {
            return null;
        }
        // An enum constant with a body has only its name (and arguments) before the brace.
        boolean hasTypeOrModifier = !before.isEmpty();
        boolean constructor = Character.isUpperCase(name.charAt(0));
        return hasTypeOrModifier || constructor && !h.substring(m.end()).contains(",") && !isEnumConstant(h, name) ? name : null;
    }

    private static boolean isEnumConstant(String header, String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.length() > 1;
    }

    /** Removes annotations, arguments included, so their parentheses and = signs do not look like code. */
    private static String stripAnnotations(String header) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == '@' && i + 1 < header.length() && Character.isJavaIdentifierStart(header.charAt(i + 1))) {
                i++;
                while (i < header.length() && (Character.isJavaIdentifierPart(header.charAt(i)) || header.charAt(i) == '.')) {
                    i++;
                }
                int j = i;
                while (j < header.length() && Character.isWhitespace(header.charAt(j))) {
                    j++;
                }
                if (j < header.length() && header.charAt(j) == '(') {
                    int depth = 0;
                    for (i = j; i < header.length(); i++) {
                        depth += header.charAt(i) == '(' ? 1 : header.charAt(i) == ')' ? -1 : 0;
                        if (depth == 0) {
                            i++;
                            break;
                        }
                    }
                }
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The source with comments, strings, text blocks and character literals blanked out; line breaks kept. */
    static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = blank(s, i, end < 0 ? s.length() : end, out);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = blank(s, i, end < 0 ? s.length() : end + 2, out);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < s.length() && !s.startsWith("\"\"\"", end)) {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                out.append('"');
                i = blank(s, i + 1, Math.min(end + 3, s.length()) - 1, out);
                out.append('"');
                i++;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char quote = s.charAt(i);
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != quote && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(quote);
                i = blank(s, i + 1, Math.min(end, s.length()), out);
                if (i < s.length()) {
                    out.append(s.charAt(i));
                    i++;
                }
            } else {
                out.append(s.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
