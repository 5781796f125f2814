package dev.bosun.stdlib.kvm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The text form of {@code bosun kvm check}: one aligned line per check as virt-host-validate prints
 * them ({@code %6s: Checking %-60s: VERDICT}), the detail in parentheses, the fix on an indented
 * {@code hint:} line, and a closing verdict line. Plain text: the CLI decides about colour.
 */
public final class KvmReport {
    private static final String PREFIX = "KVM";
    private static final int TITLE_WIDTH = 60;
    private static final String HINT_INDENT = " ".repeat(8);

    private KvmReport() {
    }

    public static String render(KvmCheckResult result) {
        StringBuilder sb = new StringBuilder();
        for (KvmCheck c : result.checks()) {
            sb.append(String.format("%6s: Checking %-" + TITLE_WIDTH + "s: %s", PREFIX, c.title(),
                    c.status().toString().toUpperCase(java.util.Locale.ROOT)));
            if (c.detail() != null && !c.detail().isEmpty()) {
                sb.append(" (").append(c.detail()).append(')');
            }
            sb.append('\n');
            if (c.hint() != null) {
                sb.append(HINT_INDENT).append("hint: ").append(c.hint()).append('\n');
            }
        }
        sb.append(verdict(result)).append('\n');
        return sb.toString();
    }

    /** One closing line: usable, or which gating checks did not pass. */
    static String verdict(KvmCheckResult result) {
        if (result.ok()) {
            return String.format("%6s: usable (API version %d, KVM_CREATE_VM works)", PREFIX, result.apiVersion());
        }
        List<String> notPassed = result.checks().subList(0, Math.min(4, result.checks().size())).stream()
                .filter(c -> !c.passed()).map(KvmCheck::id).collect(Collectors.toList());
        return String.format("%6s: NOT usable: %s did not pass", PREFIX, String.join(", ", notPassed));
    }
}
