package dev.bosun.stdlib.quadlet;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuilderInjectionTest {
    static final List<String> HOSTILE = List.of("a\nImage=evil", "a\r[Service]", "nul\0x", "trail\\", "50%h",
            "[Service]", "#comment", ";semi", " lead", "trail ", "\"quoted\"", "it's \"both\"", "tab\there");

    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Built the way the shell builds it from a JS object: Jackson, component names as keys. */
    static ContainerSpec spec(Map<String, Object> js) {
        try {
            return JSON.convertValue(js, ContainerSpec.class);
        } catch (IllegalArgumentException e) {
            Throwable t = e;
            while (t != null && !(t instanceof InvalidValueException)) {
                t = t.getCause();
            }
            if (t != null) {
                throw (InvalidValueException) t;
            }
            throw e;
        }
    }

    private static ContainerSpec spec(String image, List<String> list, Map<String, String> env, List<String> exec, Map<String, String> service) {
        Map<String, Object> js = new LinkedHashMap<>();
        js.put("name", "web");
        js.put("image", image);
        js.put("publishPort", list);
        js.put("environment", env);
        js.put("exec", exec);
        js.put("service", service);
        return spec(js);
    }

    @Test
    void basicContainerRendersAValidUnit() {
        QuadletUnit u = new QuadletModule().container(null, spec("docker.io/library/nginx:1.27", List.of("8080:80"),
                Map.of("TZ", "UTC"), null, null));
        assertEquals("""
                [Container]
                Environment=TZ=UTC
                Image=docker.io/library/nginx:1.27
                PublishPort=8080:80
                """, u.text());
        assertEquals(List.of(), QuadletValidator.validate(u.file(), UnitType.CONTAINER, "web.container", new ValidationTarget(null, null)));
    }

    /** Each hostile value either round-trips exactly (structure unchanged) or is refused naming the field. */
    @Test
    void hostileValuesCannotChangeTheFileStructure() {
        for (String v : HOSTILE) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("V", v);
            check(() -> spec("docker.io/x/y", null, env, null, null), "environment", v);
            check(() -> spec("docker.io/x/y", null, null, List.of("/bin/echo", v), null), "exec", v);
            check(() -> spec(v, null, null, null, null), "image", v);
            check(() -> spec("docker.io/x/y", List.of(v), null, null, null), "publishPort", v);
            check(() -> spec("docker.io/x/y", null, null, null, Map.of("Restart", v)), "service", v);
        }
    }

    private static void check(java.util.function.Supplier<ContainerSpec> make, String field, String v) {
        ContainerSpec s;
        try {
            s = make.get();
        } catch (InvalidValueException e) {
            assertTrue(e.getMessage().startsWith(field), field + " " + e.getMessage());
            assertTrue(v.contains("\n") || v.contains("\r") || v.contains("\0") || v.endsWith("\\") || v.startsWith(" ")
                    || v.endsWith(" "), "refused a representable value " + Checks.q(v) + ": " + e.getMessage());
            return;
        }
        String text;
        try {
            text = SpecCodec.toUnitFile(s).render();
        } catch (InvalidValueException e) {
            assertTrue(e.getMessage().startsWith(field), e.getMessage());
            return;
        }
        UnitFile back = UnitFile.parse(text);
        assertEquals(s.service() == null ? List.of("Container") : List.of("Container", "Service"), back.groupNames(), text);
        assertEquals(field.equals("image") || field.equals("service") ? 1 : 2, back.entries("Container").size(), text);
        // With specifiers off, % is doubled; reading back with specifiers kept shows %% where % was.
        UnitSpec again = SpecCodec.fromUnitFile(back, UnitType.CONTAINER, "web");
        ContainerSpec c = (ContainerSpec) again;
        String expect = v.replace("%", "%%");
        switch (field) {
            case "environment" -> assertEquals(Map.of("V", expect), c.environment(), text);
            case "exec" -> assertEquals(List.of("/bin/echo", expect), c.exec(), text);
            case "image" -> assertEquals(expect, c.image(), text);
            case "publishPort" -> assertEquals(List.of(expect), c.publishPort(), text);
            case "service" -> assertEquals(Map.of("Restart", expect), c.service(), text);
            default -> throw new AssertionError(field);
        }
    }

    @Test
    void refusalsNameTheFieldAndTheRule() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> spec("a\nb", null, null, null, null));
        assertEquals("image \"a\\nb\" must not contain line breaks or NUL: this key has no escape for them", e.getMessage());
        e = assertThrows(InvalidValueException.class, () -> spec("x", List.of("8080:80\\"), null, null, null));
        assertTrue(e.getMessage().startsWith("publishPort[0] \"8080:80\\\\\" must not end with a backslash"), e.getMessage());
        e = assertThrows(InvalidValueException.class, () -> spec(Map.of("name", "../etc", "image", "x")));
        assertTrue(e.getMessage().startsWith("name \"../etc\" must match"), e.getMessage());
    }

    @Test
    void specifiersAreKeptOnlyWhenAskedFor() {
        Map<String, String> env = Map.of("HOME_DIR", "%h");
        assertTrue(SpecCodec.toUnitFile(spec("docker.io/x/y", null, env, null, null)).render().contains("Environment=HOME_DIR=%%h"));
    }

    static final class Checks {
        static String q(String s) {
            return dev.bosun.api.Check.quote(s);
        }
    }
}
