package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.unit.UnitEntry;

import java.util.ArrayList;
import java.util.List;

/** Collects findings while the rules run. */
final class Findings {
    private final List<Finding> list = new ArrayList<>();

    void error(String key, UnitEntry at, String message) {
        list.add(new Finding(Severity.ERROR, key, at == null ? null : at.line(), message));
    }

    void warning(String key, UnitEntry at, String message) {
        list.add(new Finding(Severity.WARNING, key, at == null ? null : at.line(), message));
    }

    List<Finding> list() {
        return List.copyOf(list);
    }
}
