package dev.bosun.stdlib.quadlet.check;

import dev.bosun.api.Check;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings while the rules run. Messages quote the unit's keys and values as they are; here each
 * message and key is escaped and bounded ({@link Check#oneLine}), so a hostile value can neither break a
 * finding's line nor make it, or an install error quoting it, huge.
 */
final class Findings {
    /** Code points a finding's message keeps: room for Podman's wording and a few quoted values. */
    static final int MESSAGE_LIMIT = 400;

    private final List<Finding> list = new ArrayList<>();

    void podman(Severity severity, String key, Integer line, String message) {
        add(severity, key, line, message, Finding.PODMAN);
    }

    void bosunError(String key, Integer line, String message) {
        add(Severity.ERROR, key, line, message, Finding.BOSUN);
    }

    void bosunWarning(String key, Integer line, String message) {
        add(Severity.WARNING, key, line, message, Finding.BOSUN);
    }

    private void add(Severity severity, String key, Integer line, String message, String by) {
        list.add(new Finding(severity, key == null ? null : Check.oneLine(key, Check.QUOTE_LIMIT), line,
                Check.oneLine(message, MESSAGE_LIMIT), by));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
