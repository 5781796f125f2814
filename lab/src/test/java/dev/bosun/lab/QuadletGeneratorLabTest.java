package dev.bosun.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * quadlet.validate against the real generator of the box's Podman (5.4.2) on {@link QuadletSweep}'s units. Both
 * see the same directory of units in the box: the generator with -dryrun, quadlet.validate through the box's bosun
 * (the distribution this build made). Every disagreement is a failure. The 5.8.x half runs on the host:
 * {@link QuadletReferenceGeneratorTest}.
 */
@Lab
class QuadletGeneratorLabTest {
    @Test
    void validateAgreesWithTheBoxsGenerator(LabBox box) throws Exception {
        Map<String, String> units = QuadletSweep.units();
        QuadletSweep.write(units, box.homeOnHost().resolve(QuadletSweep.DIR));
        Files.writeString(box.homeOnHost().resolve("validate.js"), QuadletSweep.VALIDATE);

        String version = box.run("/usr/libexec/podman/quadlet", "-version").strip();
        LabBox.Result gen = box.exec("env", "QUADLET_UNIT_DIRS=/home/" + QuadletSweep.DIR,
                "/usr/libexec/podman/quadlet", "-user", "-dryrun");
        QuadletSweep.Outcome outcome = QuadletSweep.compare(units, gen.out(), gen.err(), new ObjectMapper().readTree(
                box.run("bosun", "run", "/home/validate.js", "/home/" + QuadletSweep.DIR, version)), "box");
        System.out.println("quadlet.validate vs Podman " + version + " in the box: " + outcome.compared()
                + " units, " + outcome.agreements() + " agreements, " + outcome.disagreements().size() + " disagreements");
        assertEquals("", String.join("\n", outcome.disagreements()), "quadlet.validate and Podman " + version
                + "'s generator disagree on " + outcome.disagreements().size() + " of " + outcome.compared()
                + " units (units and generator output in target/" + QuadletSweep.DIR + "/box)");
    }
}
