package org.rentrecovery.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a FEEL cell or expression into tokens for {@link FeelParser}. Only the subset the policy tables are
 * written in is recognised; anything else ({@code .5}, a name with spaces, an escape other than {@code \"}
 * and {@code \\}, an unknown symbol) is {@link OutsideSubset}, so the model keeps the engine's own evaluator.
 */
final class FeelLexer {

    enum Kind { NUMBER, STRING, NAME, SYMBOL, END }

    record Token(Kind kind, String text) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbolOrKeyword);
        }
    }

    /** A cell or expression the fast evaluator does not handle: the model is evaluated by kie-dmn instead. */
    static final class OutsideSubset extends RuntimeException {
        OutsideSubset(String message) {
            super(message, null, false, false);
        }
    }

    private static final String[] SYMBOLS = {"..", "<=", ">=", "!=", "(", ")", "[", "]", ",", ".", "+", "-", "<", ">", "="};

    private FeelLexer() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                i = number(text, i, tokens);
            } else if (c == '"') {
                i = string(text, i, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, end)));
                i = end;
            } else {
                i = symbol(text, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static int number(String text, int start, List<Token> tokens) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        // A fraction only when a digit follows the point: "0..14" is a range, not 0. then .14
        if (end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1))) {
            end++;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
        }
        if (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_')) {
            throw new OutsideSubset("a number followed by a letter: " + text);
        }
        tokens.add(new Token(Kind.NUMBER, text.substring(start, end)));
        return end;
    }

    private static int string(String text, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                if (next != '"' && next != '\\') {
                    throw new OutsideSubset("an escape outside the subset: " + text);
                }
                value.append(next);
                i += 2;
            } else {
                value.append(c);
                i++;
            }
        }
        if (i >= text.length()) {
            throw new OutsideSubset("an unterminated string: " + text);
        }
        tokens.add(new Token(Kind.STRING, value.toString()));
        return i + 1;
    }

    private static int symbol(String text, int start, List<Token> tokens) {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, start)) {
                tokens.add(new Token(Kind.SYMBOL, symbol));
                return start + symbol.length();
            }
        }
        throw new OutsideSubset("a symbol outside the subset at " + start + ": " + text);
    }
}
