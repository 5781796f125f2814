package dev.bosun.stdlib.quadlet.check;

import dev.bosun.api.Check;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects findings while the rules run. The rules word messages as Podman does and put the unit's keys and
 * values in as they are; here each message and key is escaped and bounded ({@link Check#oneLine}), so a
 * hostile value can neither break a finding's line nor make it, or an install error quoting it, huge.
 */
final class Findings {
    /** Code points a finding's message keeps: room for Podman's wording and a few quoted values. */
    static final int MESSAGE_LIMIT = 400;

    private final List<Finding> list = new ArrayList<>();

    void error(String key, UnitEntry at, String message) {
        add(Severity.ERROR, key, at, message);
    }

    void warning(String key, UnitEntry at, String message) {
        add(Severity.WARNING, key, at, message);
    }

    private void add(Severity severity, String key, UnitEntry at, String message) {
        list.add(new Finding(severity, key == null ? null : Check.oneLine(key, Check.QUOTE_LIMIT),
                at == null ? null : at.line(), Check.oneLine(message, MESSAGE_LIMIT)));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
