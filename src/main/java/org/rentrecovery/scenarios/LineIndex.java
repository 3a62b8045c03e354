package org.rentrecovery.scenarios;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * The line each key and list item of a YAML document starts on, by JSON pointer
 * ({@code /scenarios/3/expect/nextAction.type}), read from the YAML parser's token locations so
 * that a problem or a failed expectation can name its line.
 */
final class LineIndex {
    private final Map<String, Integer> lines;
    private final int fallback;

    private LineIndex(Map<String, Integer> lines, int fallback) {
        this.lines = lines;
        this.fallback = fallback;
    }

    /** Every pointer is on one line: a CSV row. */
    static LineIndex single(int line) {
        return new LineIndex(Map.of(), line);
    }

    static LineIndex of(JsonFactory yaml, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        record Frame(String pointer, boolean array, int[] index) {
        }
        Deque<Frame> stack = new ArrayDeque<>();
        String field = null;
        try (JsonParser parser = yaml.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                Frame parent = stack.peek();
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    lines.putIfAbsent(parent.pointer() + "/" + escape(field), line);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                String pointer = parent == null ? "" : parent.array() ? parent.pointer() + "/" + parent.index()[0]++
                        : parent.pointer() + "/" + escape(field);
                lines.putIfAbsent(pointer, line);
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    stack.push(new Frame(pointer, token == JsonToken.START_ARRAY, new int[] {0}));
                }
            }
        }
        return new LineIndex(lines, 1);
    }

    /** The line of the pointer, or of its nearest enclosing key when it has none of its own. */
    int at(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return fallback;
            }
            p = p.substring(0, slash);
        }
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
