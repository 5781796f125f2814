package dev.bosun.stdlib.quadlet;

import dev.bosun.api.Check;
import dev.bosun.api.Fs;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.bundle.BundleSection;
import dev.bosun.stdlib.quadlet.bundle.QuadletBundle;
import dev.bosun.stdlib.quadlet.check.Finding;
import dev.bosun.stdlib.quadlet.check.QuadletValidator;
import dev.bosun.stdlib.quadlet.check.ValidationTarget;
import dev.bosun.stdlib.quadlet.generate.GeneratedUnit;
import dev.bosun.stdlib.quadlet.generate.GeneratorLog;
import dev.bosun.stdlib.quadlet.generate.GeneratorOptions;
import dev.bosun.stdlib.quadlet.generate.HostSourceFiles;
import dev.bosun.stdlib.quadlet.generate.QuadletGenerator;
import dev.bosun.stdlib.quadlet.generate.SourceUnit;
import dev.bosun.stdlib.quadlet.generate.UnitDirScan;
import dev.bosun.stdlib.quadlet.install.InstallResult;
import dev.bosun.stdlib.quadlet.install.InstalledUnit;
import dev.bosun.stdlib.quadlet.install.QuadletDir;
import dev.bosun.stdlib.quadlet.install.RemoveResult;
import dev.bosun.stdlib.quadlet.spec.ArtifactSpec;
import dev.bosun.stdlib.quadlet.spec.BuildSpec;
import dev.bosun.stdlib.quadlet.spec.ContainerSpec;
import dev.bosun.stdlib.quadlet.spec.ImageSpec;
import dev.bosun.stdlib.quadlet.spec.KubeSpec;
import dev.bosun.stdlib.quadlet.spec.NetworkSpec;
import dev.bosun.stdlib.quadlet.spec.PodSpec;
import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;
import dev.bosun.stdlib.quadlet.spec.VolumeSpec;
import dev.bosun.stdlib.quadlet.unit.UnitSection;
import dev.bosun.stdlib.quadlet.unit.UnitSyntaxException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code quadlet} module: build, parse, render, validate and install Podman Quadlet units and bundles. */
@Module(name = "quadlet", doc = "Podman Quadlet units: typed builders, an exact parser and renderer, Podman's generator "
        + "(the services and podman command lines a unit becomes, for Podman 4.4 to 6.0), validation as its verdict, install "
        + "into a user's Quadlet directory, and .quadlets bundles.")
public final class QuadletModule implements HostModule {

    @Op(doc = "A .container unit from its keys, e.g. quadlet.container({name:'web', image:'docker.io/library/nginx:1.27', "
            + "publishPort:['8080:80'], environment:{TZ:'UTC'}}). Values are escaped; % is literal unless specifiers:true.")
    public QuadletUnit container(HostContext ctx, @Doc("the keys of [Container] in camelCase") ContainerSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "A .volume unit from its keys, e.g. quadlet.volume({name:'data'}).")
    public QuadletUnit volume(HostContext ctx, @Doc("the keys of [Volume] in camelCase") VolumeSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "A .network unit from its keys, e.g. quadlet.network({name:'web', subnet:['10.89.0.0/24']}).")
    public QuadletUnit network(HostContext ctx, @Doc("the keys of [Network] in camelCase") NetworkSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "A .pod unit from its keys.")
    public QuadletUnit pod(HostContext ctx, @Doc("the keys of [Pod] in camelCase") PodSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "A .kube unit from its keys, e.g. quadlet.kube({name:'app', yaml:['app.yml']}).")
    public QuadletUnit kube(HostContext ctx, @Doc("the keys of [Kube] in camelCase") KubeSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "An .image unit from its keys.")
    public QuadletUnit image(HostContext ctx, @Doc("the keys of [Image] in camelCase") ImageSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "A .build unit from its keys.")
    public QuadletUnit build(HostContext ctx, @Doc("the keys of [Build] in camelCase") BuildSpec spec) {
        return toUnit(spec);
    }

    @Op(doc = "An .artifact unit from its keys (Podman 5.8+).")
    public QuadletUnit artifact(HostContext ctx, @Doc("the keys of [Artifact] in camelCase") ArtifactSpec spec) {
        return toUnit(spec);
    }

    private static QuadletUnit toUnit(UnitSpec spec) {
        return QuadletUnit.of(spec.unitType(), spec.name(), SpecCodec.toUnitFile(spec));
    }

    @Op(doc = "Parses unit file text exactly as Podman does (line numbers kept; renders back byte for byte). The type "
            + "comes from the extension of options.name, else from the first [Container]/[Volume]/... section.")
    public QuadletUnit parse(HostContext ctx, @Doc("unit file text") String text, @Optional QuadletOptions.Parse options) {
        Check.present("text", text);
        String name = options == null ? null : options.name();
        UnitType type = name == null ? null : UnitType.ofFileName(name);
        if (name != null && type == null) {
            throw new InvalidValueException("name", Check.quote(name) + " must end in .container, .volume, .network, .kube, .image, .build, .pod or .artifact");
        }
        List<UnitSection> sections;
        try {
            sections = dev.bosun.stdlib.quadlet.unit.UnitParser.parse(text);
        } catch (UnitSyntaxException e) {
            throw new InvalidValueException("text", e.getMessage());
        }
        if (type == null) {
            for (UnitSection s : sections) {
                if (type == null) {
                    type = UnitType.ofSection(s.name());
                }
            }
            if (type == null) {
                throw new InvalidValueException("text", "has no [Container], [Volume], [Network], [Kube], [Image], [Build], "
                        + "[Pod] or [Artifact] section; pass {name: 'x.container'} to say which type it is");
            }
        }
        String base = name == null ? "unnamed" : name.substring(0, name.length() - type.extension().length());
        return new QuadletUnit(type, base, sections, null);
    }

    @Op(doc = "The file text of a unit (entries kept from parsing are written byte for byte; others escaped).")
    public String render(HostContext ctx, @Doc("a unit from a builder, parse or read") QuadletUnit unit) {
        return unit.text();
    }

    @Op(doc = "Checks a unit with Podman's generator for the target Podman: every error the generator would raise (the "
            + "first is the one Podman prints) and its warnings, in Podman's words (by: 'podman'), then Bosun's own checks "
            + "(by: 'bosun': values Podman misreads, deprecated keys, systemd mistakes). References to other units are "
            + "checked when options.units names the neighbours. Returns findings {severity, key, line, message, by}; empty means valid.")
    public List<Finding> validate(HostContext ctx, @Doc("the unit") QuadletUnit unit, @Optional QuadletOptions.Validate options) {
        QuadletOptions.Validate o = options == null ? new QuadletOptions.Validate(null, null) : options;
        Set<String> units = null;
        if (o.units() != null) {
            units = new HashSet<>(o.units());
            units.add(unit.fileName());
        }
        return QuadletValidator.validate(unit.file(), unit.type(), unit.fileName(),
                new ValidationTarget(PodmanDiscovery.target(ctx, o.podman()), units));
    }

    @Op(doc = "What Podman's Quadlet generator makes of the units, converted together as the generator does: per unit the "
            + "service name and text, the podman command lines (argv by Exec key), [Install] links and warnings, or the error "
            + "that makes the generator drop the unit, in Podman's words. E.g. quadlet.generate([web, net], {podman:'5.4'}). "
            + "Podman below 4.4 (or a host podman without a generator) is an error: the units would never be read. "
            + "For Podman before 5.3 the option words follow the release but their order is 5.3's (docs/quadlet.md).")
    public List<GeneratedUnit> generate(HostContext ctx, @Doc("a unit, or an array of units") QuadletUnits units,
                                        @Optional QuadletOptions.Generate options) {
        QuadletOptions.Generate o = options == null ? new QuadletOptions.Generate(null, null, null, null) : options;
        String dir = o.dir() != null ? o.dir() : o.user() ? "/etc/containers/systemd/users" : "/etc/containers/systemd";
        List<SourceUnit> sources = new ArrayList<>();
        for (QuadletUnit u : units.units()) {
            sources.add(new SourceUnit(u.fileName(), Fs.join(dir, u.fileName()), u.file(), List.of()));
        }
        return generator(ctx, o).generate(sources, new GeneratorLog());
    }

    @Op(name = "generateDir", doc = "Runs Podman's Quadlet generator over a unit directory and its subdirectories as "
            + "QUADLET_UNIT_DIRS=path would (drop-in directories included) and returns what quadlet.generate returns, plus "
            + "an entry with the error for each unit file that cannot be read. Reads only; symlinks are not followed.")
    public List<GeneratedUnit> generateDir(HostContext ctx, @Doc("absolute directory") String path,
                                           @Optional QuadletOptions.Generate options) {
        QuadletOptions.absolutePath("path", path);
        QuadletOptions.Generate o = options == null ? new QuadletOptions.Generate(null, null, null, null) : options;
        QuadletGenerator generator = generator(ctx, o);
        GeneratorLog log = new GeneratorLog();
        UnitDirScan scan = new UnitDirScan(new HostSourceFiles(ctx.fs()), generator.version(), log).add(path, null);
        List<SourceUnit> sources = scan.load();
        List<GeneratedUnit> out = new ArrayList<>();
        scan.failures().forEach((name, error) -> out.add(new GeneratedUnit(name, null, null, null, null, null, error, null, null)));
        out.addAll(generator.generate(sources, log));
        return out;
    }

    private static QuadletGenerator generator(HostContext ctx, QuadletOptions.Generate o) {
        PodmanVersion v = PodmanDiscovery.generatorTarget(ctx, o.podman());
        return new QuadletGenerator(new GeneratorOptions(o.podmanPath(), o.user(), v,
                p -> p.startsWith("/") && ctx.fs().exists(p)));
    }

    @Op(mutates = true, doc = "Installs a unit into the user's Quadlet directory (~/.config/containers/systemd, or "
            + "/etc/containers/systemd for root): validated first, written atomically, owned by the user, mode 0644. "
            + "Refuses to overwrite a different file unless replace:true. Same content again: changed:false. The plan notes the "
            + "diff of the service Podman's generator will write for it at daemon-reload (-user for a user).")
    public InstallResult install(HostContext ctx, @Doc("user name") String user, @Doc("the unit") QuadletUnit unit,
                                 @Optional QuadletOptions.Install options) {
        QuadletOptions.Install o = options == null ? new QuadletOptions.Install(null, null, null) : options;
        QuadletUnit u = unit;
        if (o.name() != null) {
            UnitType t = UnitType.ofFileName(o.name());
            if (t != null && t != unit.type()) {
                throw new InvalidValueException("name", Check.quote(o.name()) + " must end in " + unit.type().extension());
            }
            String base = t != null ? o.name().substring(0, o.name().length() - t.extension().length()) : o.name();
            u = new QuadletUnit(unit.type(), base, unit.sections(), null);
        }
        QuadletDir dir = new QuadletDir(ctx, user);
        return dir.install(List.of(u), o.replace(), PodmanDiscovery.target(ctx, o.podman())).getFirst();
    }

    @Op(doc = "The unit files in the user's Quadlet directory.")
    public List<InstalledUnit> list(HostContext ctx, @Doc("user name") String user) {
        return new QuadletDir(ctx, user).list();
    }

    @Op(doc = "Reads and parses one installed unit, e.g. quadlet.read('web', 'web.container').")
    public QuadletUnit read(HostContext ctx, @Doc("user name") String user, @Doc("file name, e.g. web.container") String name) {
        return new QuadletDir(ctx, user).read(name);
    }

    @Op(mutates = true, doc = "Removes one unit file from the user's Quadlet directory; changed:false when it was not there.")
    public RemoveResult remove(HostContext ctx, @Doc("user name") String user, @Doc("file name, e.g. web.container") String name) {
        return new QuadletDir(ctx, user).remove(name);
    }

    @Op(name = "bundle.parse", doc = "Splits a .quadlets bundle into units with exactly Podman's grammar and error texts "
            + "(--- separators, '# FileName=' comments, type detection, section numbers counting blank sections).")
    public List<QuadletUnit> bundleParse(HostContext ctx, @Doc("bundle text") String text) {
        Check.present("text", text);
        List<QuadletUnit> out = new ArrayList<>();
        for (BundleSection s : QuadletBundle.parse(text, "<text>")) {
            out.add(unitOf(s));
        }
        return out;
    }

    @Op(name = "bundle.render", doc = "One .quadlets bundle text for the units ('# FileName=' added where missing).")
    public String bundleRender(HostContext ctx, @Doc("the units") List<QuadletUnit> units) {
        Check.present("units", units);
        return QuadletBundle.render(units);
    }

    @Op(name = "bundle.export", doc = "All units of the user's Quadlet directory as one .quadlets bundle text.")
    public String bundleExport(HostContext ctx, @Doc("user name") String user) {
        QuadletDir dir = new QuadletDir(ctx, user);
        List<QuadletUnit> units = new ArrayList<>();
        for (InstalledUnit u : dir.list()) {
            units.add(dir.read(u.fileName()));
        }
        return QuadletBundle.render(units);
    }

    @Op(name = "bundle.install", mutates = true, doc = "Installs every unit of a .quadlets bundle for the user, all or "
            + "nothing: a bundle with any grammar error, invalid unit or (without replace:true) conflicting file installs nothing. "
            + "As with install, the plan notes each changed unit's generated service diff.")
    public List<InstallResult> bundleInstall(HostContext ctx, @Doc("user name") String user, @Doc("bundle text") String text,
                                             @Optional QuadletOptions.BundleInstall options) {
        QuadletOptions.BundleInstall o = options == null ? new QuadletOptions.BundleInstall(null, null) : options;
        Check.present("text", text);
        List<QuadletUnit> units = new ArrayList<>();
        for (BundleSection s : QuadletBundle.parse(text, "<text>")) {
            units.add(unitOf(s));
        }
        return new QuadletDir(ctx, user).install(units, o.replace(), PodmanDiscovery.target(ctx, o.podman()));
    }

    private static QuadletUnit unitOf(BundleSection s) {
        try {
            return new QuadletUnit(s.type(), s.fileName(), null, s.text());
        } catch (InvalidValueException e) {
            throw new dev.bosun.stdlib.quadlet.bundle.BundleException("section " + s.number() + ": " + e.rule());
        }
    }
}
