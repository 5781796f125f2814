package dev.bosun.shell.render;

import dev.bosun.api.Change;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints a plan as people read it: one line per change, diffs indented below; with a colour palette,
 * added lines green, removed lines red, hunk headers and commands cyan, as diff tools show them.
 */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static void print(List<Change> changes, boolean dryRun, PrintStream out) {
        print(changes, dryRun, out, Palette.NONE);
    }

    public static void print(List<Change> changes, boolean dryRun, PrintStream out, Palette palette) {
        // Notes (# lines) explain a plan; they are not changes and are not counted as such.
        long count = changes.stream().filter(c -> c.kind() != Change.Kind.NOTE).count();
        if (changes.isEmpty()) {
            out.println(dryRun ? "Plan (dry-run): no changes." : "No changes.");
            return;
        }
        out.println(palette.bold(dryRun ? "Plan (dry-run, nothing was changed): " + count + " change"
                + (count == 1 ? "" : "s") : "Changes: " + count));
        for (Change c : changes) {
            out.println(line(c, palette));
            if (c.diff() != null) {
                for (String d : c.diff().split("\n")) {
                    out.println("    " + diffLine(d, palette));
                }
            }
        }
    }

    public static String line(Change c) {
        return line(c, Palette.NONE);
    }

    private static String line(Change c, Palette palette) {
        String tag = switch (c.kind()) {
            case EXEC -> "  $ ";
            case STATE -> "  * ";
            case NOTE -> "  # ";
            default -> "  ~ ";
        };
        String text = tag + c.summary();
        return c.kind() == Change.Kind.EXEC ? palette.meta(text) : c.kind() == Change.Kind.NOTE ? palette.dim(text) : text;
    }

    private static String diffLine(String d, Palette palette) {
        if (d.startsWith("+++") || d.startsWith("---")) {
            return palette.bold(d);
        }
        if (d.startsWith("@@")) {
            return palette.meta(d);
        }
        if (d.startsWith("+")) {
            return palette.added(d);
        }
        return d.startsWith("-") ? palette.removed(d) : d;
    }
}
