package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A container's Mount= values as the generator reads them: each word of each Mount= line (split like an
 * Exec= line) is one CSV record of mount options, which must name its {@code type=}; volume, bind, glob and
 * image mounts resolve their {@code source=}/{@code src=}, which then needs a value. Podman's texts.
 */
final class MountRules {
    private static final String FORMAT = "incorrect mount format: should be --mount "
            + "type=<bind|glob|tmpfs|volume>,[src=<host-dir|volume-name>,]target=<ctr-dir>[,options]";
    private static final Set<String> WITH_SOURCE = Set.of("volume", "bind", "glob", "image");

    private MountRules() {
    }

    static void check(UnitFile f, String g, Findings out) {
        for (UnitEntry e : f.lookupAllEntries(g, "Mount")) {
            List<String> mounts;
            try {
                mounts = WordSplitter.ARGS.split(e.value());
            } catch (WordSplitter.SplitException ex) {
                continue; // dropped by the generator; the key-kind check warns about it
            }
            for (String mount : mounts) {
                String problem = problem(mount);
                if (problem != null) {
                    out.error("Mount", e, problem);
                    return; // the generator stops at the first bad mount
                }
            }
        }
    }

    /** What the generator says about one mount, or null when it takes it. */
    static String problem(String mount) {
        List<String> fields = csvRecord(mount);
        if (fields == null) {
            return FORMAT;
        }
        String type = null;
        List<String> tokens = new ArrayList<>();
        for (String field : fields) {
            String[] kv = field.split("=", -1);
            if (type == null && kv.length == 2 && kv[0].equals("type")) {
                type = kv[1];
            } else {
                tokens.add(field);
            }
        }
        if (type == null) {
            return FORMAT;
        }
        if (WITH_SOURCE.contains(type)) {
            for (String token : tokens) {
                int eq = token.indexOf('=');
                String key = eq < 0 ? token : token.substring(0, eq);
                if ((key.equals("source") || key.equals("src")) && eq < 0) {
                    return "source parameter does not include a value";
                }
            }
        }
        return null;
    }

    /**
     * The fields of a single CSV record as Go's encoding/csv reads it (comma-separated; a field that starts
     * with {@code "} is quoted, {@code ""} inside it is a quote; a quote anywhere else is an error), or null
     * when the text is not exactly one valid record.
     */
    static List<String> csvRecord(String text) {
        if (text.isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null; // unterminated quoted field
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && text.charAt(i) != ',') {
                    return null; // extraneous text after a closing quote
                }
            } else {
                while (i < n && text.charAt(i) != ',') {
                    char c = text.charAt(i++);
                    if (c == '"' || c == '\n' || c == '\r') {
                        return null; // a bare quote, or a second record
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
