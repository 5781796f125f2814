package dev.bosun.plugins.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the OCI runtimes in {@code docker info --format '{{json .Runtimes}}'}: the keys of one
 * JSON object such as {@code {"runc":{"path":"runc"},"runsc":{"path":"/usr/bin/runsc"}}}. Plugins get
 * no JSON library from the host, and the keys are all that is needed, so this reads just them.
 */
final class DockerRuntimes {
    private DockerRuntimes() {
    }

    /** The top-level keys, in order; empty for {@code null} or an empty object. Fails on text that is no object. */
    static List<String> parse(String json) {
        String s = json.strip();
        List<String> keys = new ArrayList<>();
        if (s.isEmpty() || s.equals("null")) {
            return keys;
        }
        if (!s.startsWith("{") || !s.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + s);
        }
        int depth = 0;
        boolean expectKey = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = stringEnd(s, i);
                if (depth == 1 && expectKey) {
                    keys.add(unescape(s.substring(i + 1, end)));
                    expectKey = false;
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
                expectKey = depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced JSON: " + s);
        }
        return keys;
    }

    private static int stringEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated JSON string: " + s);
    }

    private static String unescape(String raw) {
        return raw.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
