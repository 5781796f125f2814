package dev.bosun.stdlib.quadlet;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SpecCodec.build: a spec from Java by component name, as plugins build one. */
class SpecCodecBuildTest {
    @Test
    void buildsLikeTheJsObjectWouldWithDefaultsForLeftOutComponents() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "web");
        c.put("image", "docker.io/library/nginx:1.27");
        c.put("publishPort", List.of("8080:80"));
        c.put("pod", null);
        ContainerSpec s = SpecCodec.build(ContainerSpec.class, c);
        assertEquals(BuilderInjectionTest.spec(Map.of("name", "web", "image", "docker.io/library/nginx:1.27",
                "publishPort", List.of("8080:80"))), s);
        assertEquals(false, s.specifiers());
        assertEquals("[Container]\nImage=docker.io/library/nginx:1.27\nPublishPort=8080:80\n",
                SpecCodec.toUnitFile(s).render());
    }

    @Test
    void theRecordsOwnChecksReachTheCaller() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> SpecCodec.build(ContainerSpec.class, Map.of("name", "a/b")));
        assertEquals("name", e.getMessage().substring(0, 4));
    }

    @Test
    void unknownComponentsAndWrongTypesAreProgrammingErrors() {
        assertEquals("ContainerSpec has no component imag, publish",
                assertThrows(IllegalArgumentException.class, () -> SpecCodec.build(ContainerSpec.class,
                        Map.of("name", "web", "imag", "x", "publish", "y"))).getMessage());
        assertEquals("ContainerSpec.publishPort is a List, not a String",
                assertThrows(IllegalArgumentException.class, () -> SpecCodec.build(ContainerSpec.class,
                        Map.of("name", "web", "publishPort", "8080:80"))).getMessage());
    }
}
