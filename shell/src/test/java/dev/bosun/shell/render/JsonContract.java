package dev.bosun.shell.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The test suite's check of every {@code --json} output: stdout is exactly one document, in the one
 * formatting, that validates against docs/json-output.schema.json. The schema is read from the repository
 * and applied by the keywords it uses (type, required, properties, additionalProperties, items, enum), so
 * a change of the schema is a change of what every test checks; key order follows the schema's required list.
 * Shared by the shell, scripts and lab tests (the shell's test jar).
 */
public final class JsonContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schema;

    private JsonContract() {
    }

    /** The document on {@code stdout}, after checking it against the contract (AssertionError otherwise). */
    public static JsonNode document(String stdout) {
        JsonNode doc;
        try (JsonParser p = JSON.createParser(stdout)) {
            doc = JSON.readTree(p);
            if (doc == null) {
                throw new AssertionError("--json printed no document: " + stdout);
            }
            if (p.nextToken() != null) {
                throw new AssertionError("--json printed more than one document on stdout: " + stdout);
            }
        } catch (IOException e) {
            throw new AssertionError("--json printed something that is not JSON: " + stdout, e);
        }
        if (!stdout.startsWith("{\n  \"ok\": ") || !stdout.endsWith("}\n")) {
            throw new AssertionError("--json document not in the one formatting (\"key\": value, two spaces): " + stdout);
        }
        List<String> problems = new ArrayList<>();
        validate(doc, schema(), "$", problems);
        List<String> order = new ArrayList<>();
        doc.fieldNames().forEachRemaining(order::add);
        List<String> expected = new ArrayList<>();
        schema().get("required").forEach(n -> expected.add(n.asText()));
        if (!order.equals(expected)) {
            problems.add("$: keys " + order + ", expected in the order " + expected);
        }
        if (problems.isEmpty() && doc.get("ok").asBoolean() != doc.get("error").isNull()) {
            problems.add("$.ok must be true exactly when $.error is null");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("--json output breaks docs/json-output.schema.json: " + problems + "\n" + stdout);
        }
        return doc;
    }

    /** The document's {@code result}, after {@link #document}. */
    public static JsonNode result(String stdout) {
        return document(stdout).get("result");
    }

    private static void validate(JsonNode v, JsonNode s, String at, List<String> problems) {
        if (s.has("type") && !typeMatches(v, s.get("type"))) {
            problems.add(at + ": " + v.getNodeType() + " is not of type " + s.get("type"));
            return;
        }
        if (s.has("enum")) {
            boolean found = false;
            for (JsonNode e : s.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                problems.add(at + ": " + v + " is not one of " + s.get("enum"));
            }
        }
        if (v.isObject()) {
            if (s.has("required")) {
                for (JsonNode r : s.get("required")) {
                    if (!v.has(r.asText())) {
                        problems.add(at + ": missing " + r.asText());
                    }
                }
            }
            JsonNode props = s.path("properties");
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (props.has(k)) {
                    validate(v.get(k), props.get(k), at + "." + k, problems);
                } else if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                    problems.add(at + ": unexpected key " + k);
                }
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                validate(v.get(i), s.get("items"), at + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            default -> throw new AssertionError("schema keyword type: unknown type " + type);
        };
    }

    /** docs/json-output.schema.json of this checkout, found from the working directory upwards. */
    private static synchronized JsonNode schema() {
        if (schema == null) {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.isRegularFile(dir.resolve("docs/json-output.schema.json"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new AssertionError("docs/json-output.schema.json not found above " + Path.of("").toAbsolutePath());
            }
            try {
                schema = JSON.readTree(dir.resolve("docs/json-output.schema.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
