package dev.bosun.bench.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line formats of the account files, checked strictly: a file torn by a kill (cut mid-line, a half
 * rename, a line from two writers) fails here. Each problem is one line naming file and line number.
 */
final class AccountFiles {
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    private static final Pattern OPTIONAL_NUMBER = Pattern.compile("[0-9]*");

    /** The files checked, relative to the root, with their field count. */
    private static final List<String> FILES = List.of("etc/passwd", "etc/group", "etc/shadow", "etc/gshadow",
            "etc/subuid", "etc/subgid");

    private AccountFiles() {
    }

    /** Every problem in every account file of the root; empty when all parse. */
    static List<String> problems(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : FILES) {
            Path p = root.resolve(f);
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                out.add(f + ": missing or not a regular file");
                continue;
            }
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                out.add(f + ": last line has no newline (cut short)");
            }
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (text.isEmpty()) {
                    break;
                }
                String why = lineProblem(f, lines[i]);
                if (why != null) {
                    out.add(f + ":" + (i + 1) + ": " + why);
                }
            }
        }
        return out;
    }

    /** Why one line is malformed, or null. */
    static String lineProblem(String file, String line) {
        String[] f = line.split(":", -1);
        String name = f[0];
        if (name.isEmpty()) {
            return "empty name";
        }
        return switch (file) {
            case "etc/passwd" -> f.length != 7 ? fields(7, f.length)
                    : !NUMBER.matcher(f[2]).matches() || !NUMBER.matcher(f[3]).matches() ? "uid or gid not numeric" : null;
            case "etc/group" -> f.length != 4 ? fields(4, f.length)
                    : !NUMBER.matcher(f[2]).matches() ? "gid not numeric" : null;
            case "etc/shadow" -> f.length != 9 ? fields(9, f.length) : shadowNumbers(f);
            case "etc/gshadow" -> f.length != 4 ? fields(4, f.length) : null;
            default -> f.length != 3 ? fields(3, f.length)
                    : !NUMBER.matcher(f[1]).matches() || !NUMBER.matcher(f[2]).matches() ? "start or count not numeric"
                    : null;
        };
    }

    private static String shadowNumbers(String[] f) {
        for (int i = 2; i <= 7; i++) {
            if (!OPTIONAL_NUMBER.matcher(f[i]).matches()) {
                return "field " + (i + 1) + " not numeric";
            }
        }
        return null;
    }

    private static String fields(int expected, int got) {
        return got + " fields, expected " + expected;
    }
}
