package dev.bosun.shell.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the cursor is inside an operation call, read from the text before it without evaluating anything:
 * {@code users.ensure({na} is the key position of argument 0 of {@code users.ensure};
 * {@code quadlet.container({name:'w', volume:[{so} is a key of an element of {@code volume}. Strings,
 * template literals and comments are skipped, so a brace inside a string does not count.
 *
 * @param callee  the dotted path called, e.g. {@code users.ensure}
 * @param arg     which argument (0-based)
 * @param path    the keys (and {@code []} for array elements) from the argument down to the object being typed
 * @param partial the key typed so far
 * @param present the keys the object being typed has already
 */
record CallSite(String callee, int arg, List<String> path, String partial, List<String> present) {
    /** Marks an array element in {@link #path}. */
    static final String ELEMENT = "[]";

    private static final Pattern CALLEE = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)\\s*$");
    private static final Pattern KEY_BEFORE_COLON = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*:\\s*$");
    private static final Pattern PARTIAL_KEY = Pattern.compile("^([A-Za-z_$][\\w$]*)?$");

    /** One open bracket: its kind, and for a call its callee and argument index, for an object its keys. */
    private static final class Frame {
        final char open;
        final String callee;
        final String key;
        int arg;
        final List<String> keys = new ArrayList<>();
        int start;

        Frame(char open, String callee, String key, int start) {
            this.open = open;
            this.callee = callee;
            this.key = key;
            this.start = start;
        }
    }

    /** The call site at the end of {@code before}, or null when the cursor is not at a key of an argument literal. */
    static CallSite at(String before) {
        Deque<Frame> frames = new ArrayDeque<>();
        int i = 0;
        int n = before.length();
        while (i < n) {
            char c = before.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = stringEnd(before, i);
                if (end < 0) {
                    return null; // the cursor is inside a string
                }
                i = end + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && before.charAt(i + 1) == '/') {
                int nl = before.indexOf('\n', i);
                if (nl < 0) {
                    return null;
                }
                i = nl + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && before.charAt(i + 1) == '*') {
                int close = before.indexOf("*/", i + 2);
                if (close < 0) {
                    return null;
                }
                i = close + 2;
                continue;
            }
            String upTo = before.substring(0, i);
            switch (c) {
                case '(' -> {
                    Matcher m = CALLEE.matcher(upTo);
                    frames.push(new Frame('(', m.find() ? m.group(1) : null, null, i + 1));
                }
                case '{', '[' -> {
                    Matcher k = KEY_BEFORE_COLON.matcher(upTo);
                    String key = frames.peek() != null && frames.peek().open == '{' && k.find() ? k.group(1) : null;
                    frames.push(new Frame(c, null, key, i + 1));
                }
                case ')', '}', ']' -> {
                    if (frames.isEmpty()) {
                        return null;
                    }
                    frames.pop();
                }
                case ',' -> {
                    Frame top = frames.peek();
                    if (top != null) {
                        if (top.open == '{') {
                            keyOf(before.substring(top.start, i)).ifPresent(top.keys::add);
                        }
                        top.arg++;
                        top.start = i + 1;
                    }
                }
                default -> {
                }
            }
            i++;
        }
        Frame object = frames.peek();
        if (object == null || object.open != '{') {
            return null;
        }
        Matcher partial = PARTIAL_KEY.matcher(before.substring(object.start).stripLeading());
        if (!partial.find()) {
            return null;
        }
        // Walk outwards to the call: every object level gives the key it is the value of, every array level [].
        List<String> path = new ArrayList<>();
        Frame call = null;
        Frame inner = null;
        for (Frame f : frames) {
            if (f.open == '(') {
                call = f;
                break;
            }
            if (inner != null) {
                if (f.open == '[') {
                    path.addFirst(ELEMENT);
                } else if (inner.key != null) {
                    path.addFirst(inner.key);
                } else {
                    return null; // an object that is not a key's value, e.g. {a: 1, {…}}: nothing typed to offer
                }
            }
            inner = f;
        }
        if (call == null || call.callee == null || inner == null) {
            return null;
        }
        String typed = partial.group(1) == null ? "" : partial.group(1);
        return new CallSite(call.callee, call.arg, List.copyOf(path), typed, List.copyOf(object.keys));
    }

    /** The key of one {@code key: value} member text, if it has one. */
    private static java.util.Optional<String> keyOf(String member) {
        Matcher m = Pattern.compile("^\\s*([A-Za-z_$][\\w$]*)\\s*:").matcher(member);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** Index of the quote that ends the string starting at {@code start}, or -1 when it is still open. */
    private static int stringEnd(String s, int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }
}
