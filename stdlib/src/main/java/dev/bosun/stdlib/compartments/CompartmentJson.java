package dev.bosun.stdlib.compartments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;

/**
 * A compartment spec as JSON: what the state database keeps, what export gives and import takes. Left-out keys are
 * left out (no nulls); unknown keys are an error, so a typo is not silently dropped.
 */
final class CompartmentJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private CompartmentJson() {
    }

    static String write(CompartmentSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated spec always serialises", e);
        }
    }

    static String pretty(CompartmentSpec spec) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated spec always serialises", e);
        }
    }

    static CompartmentSpec read(String param, String text) {
        try {
            return JSON.readValue(text, CompartmentSpec.class);
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidValueException bad) {
                    throw bad;
                }
            }
            throw new InvalidValueException(param, "is not a compartment spec: " + Check.oneLine(e.getOriginalMessage(), 300));
        }
    }
}
