package dev.bosun.shell.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bosun.api.Change;
import dev.bosun.shell.js.JsonCodec;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one document every command prints on stdout under {@code --json} (docs/json.md,
 * docs/json-output.schema.json): {@code ok}, {@code result}, {@code plan}, {@code warnings}, {@code error}, in
 * that order, always all five, in one formatting ({@code "key": value}, two-space indent). A command fills it
 * as it runs and writes it once at the end, so that nothing else reaches stdout and a tool reads one document
 * whatever happened.
 */
public final class JsonReport {
    private static final ObjectWriter WRITER = JsonCodec.mapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonNode result = NullNode.getInstance();
    private final List<Change> plan = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private ObjectNode error;

    /** The command's result, any Java value Bosun's JSON codec writes (records, lists, maps, strings); null: none. */
    public void result(Object value) {
        this.result = value == null ? NullNode.getInstance() : JsonCodec.mapper().valueToTree(value);
    }

    /** The command's result given as JSON text (a script's value after JSON.stringify); null: none. */
    public void resultJson(String json) {
        try {
            this.result = json == null ? NullNode.getInstance() : JsonCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The changes planned (dry-run) or made (a real run), in order; notes included, with kind "note". */
    public void plan(List<Change> changes) {
        plan.clear();
        plan.addAll(changes);
    }

    /** A warning that would otherwise be a "bosun: warning:" line on stderr. */
    public void warn(String message) {
        warnings.add(message);
    }

    /** The failure of the command: the operation at fault (null when none), its parameter (null), the line. */
    public void error(String op, String param, String message) {
        ObjectNode e = JsonCodec.mapper().createObjectNode();
        if (op != null) {
            e.put("op", op);
        }
        if (param != null) {
            e.put("param", param);
        }
        e.put("message", message);
        this.error = e;
    }

    /** The failure as {@link Failures} describes it; a clean exit (status 0, no message) is none. */
    public void error(Failures.Failure f) {
        if (f.message() != null) {
            error(f.op(), f.param(), f.message());
        }
    }

    public boolean failed() {
        return error != null;
    }

    /** The document as text; {@code ok} is true exactly when there is no error. */
    public String text() {
        ObjectNode doc = JsonCodec.mapper().createObjectNode();
        doc.put("ok", error == null);
        doc.set("result", result);
        ArrayNode p = doc.putArray("plan");
        for (Change c : plan) {
            ObjectNode o = p.addObject();
            o.put("kind", c.kind().toString());
            o.put("target", c.target() == null ? "" : c.target());
            o.put("summary", c.summary());
            if (c.kind() == Change.Kind.EXEC) {
                o.put("command", c.summary());
            }
            if (c.diff() != null) {
                o.put("diff", c.diff());
            }
        }
        ArrayNode w = doc.putArray("warnings");
        warnings.forEach(w::add);
        doc.set("error", error == null ? NullNode.getInstance() : error);
        try {
            return WRITER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the document, and nothing else, on {@code out}. */
    public void write(PrintStream out) {
        out.println(text());
        out.flush();
    }

    /** Prints the document, and nothing else, on a command's writer. */
    public void write(java.io.PrintWriter out) {
        out.println(text());
        out.flush();
    }
}
