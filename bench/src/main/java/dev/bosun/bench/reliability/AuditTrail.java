package dev.bosun.bench.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit rows of a root as {@code bosun --json -e 'audit.list(...)'} prints them (the public contract, not
 * the table layout), reduced to what the convergence check needs: which operation, on whose behalf, and
 * whether the row records a change.
 */
record AuditTrail(List<Row> rows) {
    /**
     * One row. {@code subject} is the user or name the call was about. A row {@code makes} a change when it
     * says changed, or when it is a write-ahead intent row whose outcome never came ({@code started}, shown as
     * {@code interrupted} once its process is gone): a kill between intent and outcome leaves one, and that is
     * an audited change, not an unrecorded one. {@code ok}, {@code error} and {@code refused} rows that say
     * unchanged make nothing.
     */
    record Row(String op, String subject, boolean changed, String outcome) {
        boolean makes() {
            return changed || outcome.equals("started") || outcome.equals("interrupted");
        }
    }

    static AuditTrail read(Launcher bosun, Path root) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode n : bosun.json(root, "audit.list({limit: 10000})")) {
            JsonNode args = n.path("args");
            if (args.isTextual()) {
                args = Launcher.JSON.readTree(args.asText());
            }
            rows.add(new Row(n.path("op").asText(), subject(args), n.path("changed").asBoolean(false),
                    n.path("outcome").asText("")));
        }
        return new AuditTrail(rows);
    }

    /** The user or name an operation was called for: args.user, args.spec.name, args.name, args.slug. */
    private static String subject(JsonNode args) {
        for (String f : List.of("user", "name", "slug")) {
            if (args.path(f).isTextual()) {
                return args.path(f).asText();
            }
        }
        JsonNode spec = args.path("spec");
        return spec.path("name").isTextual() ? spec.path("name").asText() : "";
    }

    /** Whether some row of one of the operations records a change for the subject. */
    boolean recordsChange(String subject, String... ops) {
        for (Row r : rows) {
            if (r.subject().equals(subject) && r.makes()) {
                for (String op : ops) {
                    if (r.op().equals(op)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
