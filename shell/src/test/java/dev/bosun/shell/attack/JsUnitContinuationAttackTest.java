package dev.bosun.shell.attack;

import dev.bosun.stdlib.quadlet.unit.UnitFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script hands {@code quadlet.install} a unit whose entry carries its own source text ending in a
 * backslash ({@code raw: "Environment=A=1\\"}), followed by {@code ReadOnly=true}. The unit validates with
 * ReadOnly set; the file once written joined the two lines, so Podman read {@code Environment=A=1ReadOnly=true}
 * and no ReadOnly. The file written now reads back as the unit that was validated. Likewise a raw text that
 * smuggles a {@code [Service]} header is not written: the entry is written, and validated, where it says it is.
 */
@Tag("attack")
class JsUnitContinuationAttackTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledFileIsTheUnitThatWasValidated() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            String outcome = s.attempt("const unit = {type: 'container', name: 'web', sections: [{name: 'Container', entries: ["
                    + " {key: 'Image', value: 'docker.io/library/nginx:1.27'},"
                    + " {key: 'Environment', value: 'A=1', raw: 'Environment=A=1\\\\'},"
                    + " {key: 'ReadOnly', value: 'true'}]}]};"
                    + " return quadlet.validate(unit).length + ' ' + quadlet.install('root', unit).changed;");
            assertTrue(outcome.startsWith("ok|"), outcome);
            Path installed = s.root.resolve("etc/containers/systemd/web.container");
            UnitFile file = UnitFile.parse(Files.readString(installed));
            assertEquals(List.of("Container"), file.groupNames(), Files.readString(installed));
            assertEquals(List.of("A=1"), file.lookupAll("Container", "Environment"));
            assertEquals("true", file.lookupLast("Container", "ReadOnly").orElseThrow(), Files.readString(installed));
        }
    }

    @Test
    void aRawTextThatSmugglesAHeaderIsValidatedAsWhatItClaimsToBe() throws Exception {
        try (JsAttackSession s = new JsAttackSession(dir, false, null)) {
            // Read alone, the raw text is ExecStartPre=/bin/sh in [Service]; the entry says it is in [Container],
            // so that is where it is written and checked, and Podman would refuse the key there.
            String outcome = s.attempt("return quadlet.install('root', {type: 'container', name: 'web', sections: ["
                    + " {name: 'Container', entries: [{key: 'Image', value: 'docker.io/library/nginx:1.27'},"
                    + " {key: 'ExecStartPre', value: '/bin/sh', raw: '[Service]\\nExecStartPre=/bin/sh\\n'}]}]});");
            assertEquals("BosunError|quadlet.install: web.container: unsupported key 'ExecStartPre' in group 'Container'"
                    + " (Podman 6.0 would reject it; nothing was installed)", outcome.replaceAll("Podman [0-9.]+", "Podman 6.0"));
            s.assertNothingChanged();
        }
    }
}
