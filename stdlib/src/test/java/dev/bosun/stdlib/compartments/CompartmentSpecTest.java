package dev.bosun.stdlib.compartments;

import dev.bosun.api.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec's rules, its names, its JSON, the TOML it writes and the ID maps a bundle import reads back. */
class CompartmentSpecTest {
    private static CompartmentSpec read(String json) {
        return CompartmentJson.read("spec", json);
    }

    @Test
    void namesOfTwoCompartmentsNeverCollide() {
        // quadletman's pitfall 9: compartment app-1000's user was compartment app's helper for uid 1000.
        assertEquals("qm-app-1000", CompartmentNames.user("app-1000"));
        assertEquals("qmh-app-1000", CompartmentNames.helper("app", 1000));
        assertNotEquals(CompartmentNames.user("app-1000"), CompartmentNames.helper("app", 1000));
        assertEquals("app-1", CompartmentNames.helperOwner(CompartmentNames.helper("app-1", 2)));
        assertEquals("app", CompartmentNames.helperOwner(CompartmentNames.helper("app", 12)));
        assertNull(CompartmentNames.helperOwner(CompartmentNames.user("app-1-2")));
        String longest = "a".repeat(CompartmentNames.ID_MAX);
        assertTrue(CompartmentNames.helper(longest, 65535).length() <= 32);
    }

    @Test
    void badIdsAreRefusedWithTheRule() {
        for (String bad : List.of("", "Web", "web-", "-web", "we--b", "1web", "a".repeat(23), "web/x", "qm web")) {
            InvalidValueException e = assertThrows(InvalidValueException.class,
                    () -> read("{\"id\": \"" + bad + "\"}"), bad);
            assertTrue(e.getMessage().contains("must match"), e.getMessage());
        }
    }

    @Test
    void badSpecsAreRefusedBeforeAnythingHappens() {
        assertThrows(InvalidValueException.class, () -> read("{\"id\": \"web\", \"typo\": 1}"));
        assertThrows(InvalidValueException.class, () -> read("{\"id\": \"web\", \"subIds\": 1000}"));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "containers": [{"unit": {"name": "a", "image": "x"}, "mapUids": [65536]}]}"""));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "containers": [{"unit": {"name": "a", "image": "x"}, "volumes": [{"volume": "nope", "path": "/d"}]}]}"""));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "volumes": [{"name": "d"}], "containers": [{"unit": {"name": "a", "image": "x"},
                 "volumes": [{"volume": "d", "path": "/d:/etc"}]}]}"""));
        assertThrows(InvalidValueException.class, () -> read("{\"id\": \"web\", \"volumes\": [{\"name\": \"../x\"}]}"));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "secrets": [{"name": "db", "fromFile": "/run/s", "fromEnv": "DB"}]}"""));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "logins": [{"registry": "-x", "username": "u", "passwordEnv": "P"}]}"""));
        assertThrows(InvalidValueException.class, () -> read("""
                {"id": "web", "networks": [{"name": "a"}], "pods": [], "containers": [{"unit": {"name": "a", "image": "x"}}],
                 "images": [{"name": "a", "image": "x"}], "builds": [{"name": "a", "imageTag": "x"}], "volumes": [{"name": "a"}, {"name": "a"}]}"""));
    }

    @Test
    void theSpecRoundTripsThroughJson() {
        CompartmentSpec spec = read("""
                {"id": "app", "user": {"comment": "the app"}, "subIds": 131072,
                 "volumes": [{"name": "data", "ownerUid": 999}, {"name": "cache", "quadlet": {"name": "cache"}}],
                 "networks": [{"name": "app", "subnet": ["10.89.1.0/24"]}],
                 "pods": [{"name": "app", "network": ["app.network"]}],
                 "containers": [{"unit": {"name": "db", "image": "postgres:16", "pod": "app.pod", "environment": {"A": "1"}},
                                 "volumes": [{"volume": "data", "path": "/var/lib/postgresql/data"}],
                                 "mapUids": [999], "autostart": false}],
                 "secrets": [{"name": "pw", "fromEnv": "DB_PASSWORD"}],
                 "logins": [{"registry": "registry.example.com", "username": "me", "passwordFile": "/root/pw"}],
                 "podman": {"runtime": "crun"}, "linger": true, "autoUpdate": true}""");
        assertEquals(spec, read(CompartmentJson.write(spec)));
        assertEquals(spec, read(CompartmentJson.pretty(spec)));
        assertEquals(List.of(999L), spec.containers().getFirst().mapGids(), "gids default to the uids");
    }

    @Test
    void podmanConfigurationIsTomlThatReadsBack() {
        PodmanSettings s = new PodmanSettings(null, "/usr/bin/fuse-overlayfs", "crun", null);
        Map<String, Object> storage = PodmanConfig.read(PodmanConfig.storage(s, "/home/qm-x \"odd\"", 998));
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) storage.get("storage");
        assertEquals("/home/qm-x \"odd\"/.local/share/containers/storage", st.get("graphroot"));
        assertEquals("/run/user/998/containers", st.get("runroot"));
        assertEquals(Map.of("overlay", Map.of("mount_program", "/usr/bin/fuse-overlayfs")), st.get("options"));
        Map<String, Object> containers = PodmanConfig.read(PodmanConfig.containers(s));
        assertEquals(Map.of("default_rootless_network_cmd", "pasta"), containers.get("network"));
        assertEquals(Map.of("runtime", "crun"), containers.get("engine"));
    }

    @Test
    void idMapsInSubidsFormReadBackAsHelperIds() {
        assertEquals(List.of(33L), BundleImport.helperIds(List.of("0:0:1", "1:2:32", "33:34:1", "34:35:65502")));
        assertEquals(List.of(), BundleImport.helperIds(null));
        assertNull(BundleImport.helperIds(List.of("0:1:65536")), "not Bosun's form: kept as keys");
        assertNull(BundleImport.helperIds(List.of("0:0:1", "1:2:10")), "does not cover 65536 IDs");
    }
}
