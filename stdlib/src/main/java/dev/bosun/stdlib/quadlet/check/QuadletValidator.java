package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.generate.GeneratorOptions;
import dev.bosun.stdlib.quadlet.generate.Problem;
import dev.bosun.stdlib.quadlet.generate.QuadletGenerator;
import dev.bosun.stdlib.quadlet.generate.SourceUnit;
import dev.bosun.stdlib.quadlet.unit.UnitFile;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation is the generator's verdict: the unit is converted by Bosun's implementation of Podman's
 * generator for the target Podman release, going on past each error, so every error the generator would
 * raise is reported (the first one is what Podman prints), with Podman's wording, and so are its warnings.
 * Bosun's own checks ({@link BosunRules}) follow, marked {@code by: "bosun"}.
 */
public final class QuadletValidator {
    private static final String UNIT_DIR = "/etc/containers/systemd";

    private QuadletValidator() {
    }

    public static List<Finding> validate(UnitFile file, UnitType type, String fileName, ValidationTarget target) {
        Findings out = new Findings();
        PodmanVersion v = target.podman();
        if (v.compareTo(QuadletGenerator.FIRST_RELEASE) < 0) {
            out.bosunError(null, null, "Podman " + v.shortText() + " has no Quadlet generator (Quadlet came with Podman "
                    + QuadletGenerator.FIRST_RELEASE.shortText() + "): " + fileName + " would never be read");
            return out.list();
        }
        PodmanVersion typeSince = QuadletGenerator.since(type);
        if (v.compareTo(typeSince) < 0) {
            out.bosunError(null, null, "Podman " + v.shortText() + " does not read " + type.extension() + " files (they "
                    + "came with Podman " + typeSince.shortText() + "): " + fileName + " would never be read");
            return out.list();
        }
        List<SourceUnit> neighbours = null;
        if (target.units() != null) {
            neighbours = new ArrayList<>();
            for (String name : target.units()) {
                if (!name.equals(fileName) && UnitType.ofFileName(name) != null) {
                    neighbours.add(new SourceUnit(name, "", new UnitFile(List.of()), List.of()));
                }
            }
        }
        // The unit is judged as if it sat in the system Quadlet directory (SetWorkingDirectory=unit needs a path);
        // the path is not part of the findings.
        String path = UNIT_DIR + "/" + fileName;
        QuadletGenerator generator = new QuadletGenerator(new GeneratorOptions(null, false, v, null));
        QuadletGenerator.Verdicts verdicts = generator.check(new SourceUnit(fileName, path, file, List.of()), neighbours);
        for (Problem p : verdicts.errors()) {
            String m = p.message().endsWith(" in " + path) ? p.message().substring(0, p.message().length() - path.length() - 4)
                    : p.message();
            out.podman(Severity.ERROR, p.key(), p.line(), m + newerKeyHint(type, p, v));
        }
        for (Problem p : verdicts.warnings()) {
            String m = p.message().startsWith("Warning: ") ? p.message().substring("Warning: ".length()) : p.message();
            out.podman(Severity.WARNING, p.key(), p.line(), m);
        }
        BosunRules.check(file, type, QuadletKeys.get().keys(type), target.units(), out);
        return out.list();
    }

    /** For a key a later Podman knows: which release it needs (Podman itself just calls it unsupported). */
    private static String newerKeyHint(UnitType type, Problem p, PodmanVersion v) {
        if (p.key() == null || !p.message().startsWith("unsupported key '")) {
            return "";
        }
        PodmanVersion since = QuadletGenerator.since(type, p.key());
        return since == null ? "" : " (Podman " + v.shortText() + " does not know " + p.key() + "=; it needs Podman "
                + since.shortText() + ")";
    }
}
