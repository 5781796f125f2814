package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the conversion of one unit reports errors and warnings. The generator stops at the first error
 * ({@link #firstErrorOnly}); validation wants every error the generator would raise, one after the other as
 * the user fixes them, so it lets the conversion go on past each error ({@link #allErrors}) — the
 * conversion then carries on as if the offending value were absent, and its output is thrown away.
 */
final class Verdict {
    private final boolean stopAtFirst;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    private Verdict(boolean stopAtFirst) {
        this.stopAtFirst = stopAtFirst;
    }

    static Verdict firstErrorOnly() {
        return new Verdict(true);
    }

    static Verdict allErrors() {
        return new Verdict(false);
    }

    /** Reports an error; when converting for real this ends the conversion of the unit. */
    void error(String key, Integer line, String message) {
        Problem p = new Problem(key, line, message);
        if (stopAtFirst) {
            throw new ConversionException(p);
        }
        if (!errors.contains(p)) {
            errors.add(p);
        }
    }

    void warning(String key, Integer line, String message) {
        Problem p = new Problem(key, line, message);
        if (!warnings.contains(p)) {
            warnings.add(p);
        }
    }

    List<Problem> errors() {
        return List.copyOf(errors);
    }

    List<Problem> warnings() {
        return List.copyOf(warnings);
    }
}
