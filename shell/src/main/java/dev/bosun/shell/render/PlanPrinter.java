package dev.bosun.shell.render;

import dev.bosun.api.Change;

import java.io.PrintStream;
import java.util.List;

/** Prints a plan as people read it: one line per change, diffs indented below. */
public final class PlanPrinter {
    private PlanPrinter() {
    }

    public static void print(List<Change> changes, boolean dryRun, PrintStream out) {
        // Notes (# lines) explain a plan; they are not changes and are not counted as such.
        long count = changes.stream().filter(c -> c.kind() != Change.Kind.NOTE).count();
        if (changes.isEmpty()) {
            out.println(dryRun ? "Plan (dry-run): no changes." : "No changes.");
            return;
        }
        out.println(dryRun ? "Plan (dry-run, nothing was changed): " + count + " change"
                + (count == 1 ? "" : "s") : "Changes: " + count);
        for (Change c : changes) {
            out.println(line(c));
            if (c.diff() != null) {
                for (String d : c.diff().split("\n")) {
                    out.println("    " + d);
                }
            }
        }
    }

    public static String line(Change c) {
        String tag = switch (c.kind()) {
            case EXEC -> "  $ ";
            case STATE -> "  * ";
            case NOTE -> "  # ";
            default -> "  ~ ";
        };
        return tag + c.summary();
    }
}
