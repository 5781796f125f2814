package dev.bosun.stdlib.rootless;

import dev.bosun.api.Check;

import java.util.Locale;

/**
 * The text form of {@code bosun rootless check}: one aligned line per finding in the style of {@code kvm check}
 * ({@code %8s: Checking %-56s: STATUS (detail)}), the remedy on an indented {@code fix:} line, and the verdict. Text
 * read from the host (versions, configuration values) is printed escaped, so a file cannot drive the terminal.
 */
public final class RootlessReport {
    private static final String PREFIX = "ROOTLESS";
    private static final int TITLE_WIDTH = 56;
    private static final int LINE_LIMIT = 2000;
    private static final String INDENT = " ".repeat(10);

    private RootlessReport() {
    }

    public static String render(RootlessCheckResult result) {
        StringBuilder sb = new StringBuilder();
        for (RootlessFinding f : result.findings()) {
            sb.append(String.format("%8s: Checking %-" + TITLE_WIDTH + "s: %s", PREFIX, Check.oneLine(f.title(), LINE_LIMIT),
                    f.status().toString().toUpperCase(Locale.ROOT)));
            if (f.detail() != null && !f.detail().isEmpty()) {
                sb.append(" (").append(Check.oneLine(f.detail(), LINE_LIMIT)).append(')');
            }
            sb.append('\n');
            if (f.remedy() != null) {
                sb.append(INDENT).append("fix: ").append(Check.oneLine(f.remedy(), LINE_LIMIT)).append('\n');
            }
        }
        sb.append(String.format("%8s: %s", PREFIX, Check.oneLine(result.verdict(), LINE_LIMIT))).append('\n');
        return sb.toString();
    }
}
