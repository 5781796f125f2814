package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.UnitType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Podman's Quadlet generator in Java: converts Quadlet units into the systemd services Podman's generator
 * would write for the chosen Podman release, with the same warnings and errors.
 *
 * <p>Units are converted together, as Podman does, because they refer to each other: volumes, networks,
 * images and artifacts first (their resource names are known only once converted), then builds, then
 * containers and kubes, then pods (which want the containers that joined them). Within one kind the order
 * is the order given (Podman's sort is not stable; Bosun's is).
 */
public final class QuadletGenerator {
    private static final List<String> UNSUPPORTED_SERVICE_KEYS = List.of("User", "Group", "DynamicUser");

    /** The first Podman release with a Quadlet generator. */
    public static final dev.bosun.stdlib.quadlet.PodmanVersion FIRST_RELEASE = GeneratorRelease.FIRST;

    private final GeneratorOptions options;
    private final GeneratorRelease release;

    public QuadletGenerator(GeneratorOptions options) {
        this.options = options;
        this.release = GeneratorRelease.of(options.version());
    }

    /** The Podman release this generator follows. */
    public dev.bosun.stdlib.quadlet.PodmanVersion version() {
        return options.version();
    }

    /** The first Podman release whose generator reads units of this type. */
    public static dev.bosun.stdlib.quadlet.PodmanVersion since(UnitType type) {
        return GeneratorRelease.typeSince(type);
    }

    /** The first Podman release whose generator accepts the key in the type's section, or null if none does. */
    public static dev.bosun.stdlib.quadlet.PodmanVersion since(UnitType type, String key) {
        return GeneratorRelease.keySince(type, key);
    }

    /** Converts the units together; the log gets Podman's warning and error lines. */
    public List<GeneratedUnit> generate(List<SourceUnit> units, GeneratorLog log) {
        List<Prepared> prepared = prepare(units);
        UnitIndex index = UnitIndex.closed();
        prepared.forEach(p -> index.put(p.doc.fileName(), infoOf(p, release)));
        List<GeneratedUnit> out = new ArrayList<>();
        for (Prepared p : prepared) {
            Verdict verdict = Verdict.firstErrorOnly();
            Conversion c = new Conversion(p.doc, p.type, index, options, verdict);
            String error = null;
            Problem problem = null;
            try {
                warnBefore(c);
                convert(c);
            } catch (ConversionException e) {
                problem = e.problem();
                error = "converting " + GoQuote.quote(p.doc.fileName()) + ": " + e.getMessage();
            }
            List<String> warnings = verdict.warnings().stream().map(Problem::message).toList();
            warnings.forEach(log::info);
            if (error != null) {
                log.error(error);
                out.add(new GeneratedUnit(p.doc.fileName(), null, null, null, null, warnings, error, problem.key(),
                        problem.line()));
                continue;
            }
            out.add(new GeneratedUnit(p.doc.fileName(), c.service.fileName(), c.service.write(), c.argv(),
                    InstallLinks.of(c.service, release, log), warnings, null, null, null));
        }
        return out;
    }

    /**
     * Every error and warning the generator would raise for {@code unit}, past the first error (each as
     * Podman words it). {@code neighbours} are the file names of the units next to it (references to other
     * units are resolved against them), or null when they are unknown (then every reference resolves).
     */
    public Verdicts check(SourceUnit unit, List<SourceUnit> neighbours) {
        List<SourceUnit> all = new ArrayList<>();
        all.add(unit);
        if (neighbours != null) {
            neighbours.stream().filter(n -> !n.fileName().equals(unit.fileName())).forEach(all::add);
        }
        List<Prepared> prepared = prepare(all);
        UnitIndex index = neighbours == null ? UnitIndex.open() : UnitIndex.closed();
        prepared.forEach(p -> index.put(p.doc.fileName(), infoOf(p, release)));
        Verdicts result = null;
        for (Prepared p : prepared) {
            // Neighbours are converted too (quietly) where their conversion sets names this unit uses.
            Verdict verdict = Verdict.allErrors();
            Conversion c = new Conversion(p.doc, p.type, index, options, verdict);
            warnBefore(c);
            convert(c);
            if (p.doc.fileName().equals(unit.fileName())) {
                result = new Verdicts(verdict.errors(), verdict.warnings());
            }
        }
        return result == null ? new Verdicts(List.of(), List.of()) : result;
    }

    /** The errors and warnings of one unit. */
    public record Verdicts(List<Problem> errors, List<Problem> warnings) {
    }

    private record Prepared(UnitDocument doc, UnitType type) {
    }

    private List<Prepared> prepare(List<SourceUnit> units) {
        List<Prepared> out = new ArrayList<>();
        for (SourceUnit u : units) {
            UnitType t = UnitType.ofFileName(u.fileName());
            if (t != null && release.hasType(t)) {
                out.add(new Prepared(u.document(release), t));
            }
        }
        out.sort(Comparator.comparingInt(p -> order(p.type)));
        return out;
    }

    /** Podman's processing order, so that the names units take from each other are known in time. */
    private static int order(UnitType t) {
        return switch (t) {
            case ARTIFACT, IMAGE -> 1;
            case VOLUME, NETWORK -> 2;
            case BUILD -> 3;
            case CONTAINER, KUBE -> 4;
            case POD -> 5;
        };
    }

    private static UnitInfo infoOf(Prepared p, GeneratorRelease release) {
        String resource = switch (p.type) {
            case CONTAINER -> Names.containerResourceName(p.doc, release);
            case BUILD -> Names.builtImageName(p.doc);
            case POD -> Names.podName(p.doc);
            default -> "";
        };
        return new UnitInfo(Names.serviceName(p.doc, p.type, release), resource);
    }

    /** The warnings Podman's generator logs before converting a unit. */
    private void warnBefore(Conversion c) {
        if (release.warnsAboutServiceUser()) {
            for (String key : UNSUPPORTED_SERVICE_KEYS) {
                if (c.unit.hasKey("Service", key)) {
                    c.verdict.warning(key, c.unit.lineOf("Service", key), "Warning: using key " + key
                            + " in the Service group is not supported - use at your own risk");
                }
            }
        }
        if (c.type == UnitType.CONTAINER || c.type == UnitType.VOLUME || c.type == UnitType.IMAGE) {
            c.lookup("Image").ifPresent(image -> {
                if (!image.endsWith(".build") && !image.endsWith(".image") && !ImageNames.isUnambiguous(image)) {
                    c.warn("Image", "Warning: " + c.unit.fileName() + " specifies the image \"" + image
                            + "\" which not a fully qualified image name. This is not ideal for performance and "
                            + "security reasons. See the podman-pull manpage discussion of short-name-aliases.conf "
                            + "for details.");
                }
            });
        }
    }

    private static void convert(Conversion c) {
        switch (c.type) {
            case CONTAINER -> ContainerConverter.convert(c);
            case VOLUME -> VolumeConverter.convert(c);
            case NETWORK -> NetworkConverter.convert(c);
            case KUBE -> KubeConverter.convert(c);
            case IMAGE -> ImageConverter.convert(c);
            case BUILD -> BuildConverter.convert(c);
            case POD -> PodConverter.convert(c);
            case ARTIFACT -> ArtifactConverter.convert(c);
        }
    }
}
