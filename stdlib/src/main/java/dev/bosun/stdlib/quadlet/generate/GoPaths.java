package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath} on Unix, for the paths the generator resolves and the links it computes. */
final class GoPaths {
    private GoPaths() {
    }

    /** {@code filepath.Clean}: one slash between elements, no {@code .}, {@code ..} resolved lexically. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.getLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code filepath.Join}: the non-empty elements joined and cleaned. */
    static String join(String... parts) {
        List<String> nonEmpty = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                nonEmpty.add(p);
            }
        }
        return nonEmpty.isEmpty() ? "" : clean(String.join("/", nonEmpty));
    }

    /** {@code filepath.Dir}: everything before the last slash, cleaned. */
    static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return clean(slash < 0 ? "" : path.substring(0, slash + 1));
    }

    /** {@code filepath.Ext}: from the last dot of the last element, or "". */
    static String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }

    /**
     * {@code filepath.Rel(base, target)} for two relative, clean paths: how to reach target from base, e.g.
     * {@code in/a/dir} → {@code web.service} is {@code ../../../web.service}. Null when it cannot be done.
     */
    static String rel(String base, String target) {
        String b = clean(base);
        String t = clean(target);
        if (b.equals(t)) {
            return ".";
        }
        if (b.startsWith("/") != t.startsWith("/")) {
            return null;
        }
        List<String> bs = b.equals(".") ? List.of() : List.of(b.split("/"));
        List<String> ts = t.equals(".") ? List.of() : List.of(t.split("/"));
        int common = 0;
        while (common < bs.size() && common < ts.size() && bs.get(common).equals(ts.get(common))) {
            common++;
        }
        if (bs.subList(common, bs.size()).contains("..")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < bs.size(); i++) {
            out.add("..");
        }
        out.addAll(ts.subList(common, ts.size()));
        return out.isEmpty() ? "." : String.join("/", out);
    }
}
