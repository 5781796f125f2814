package dev.bosun.stdlib.compartments;

import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.InvalidValueException;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.QuadletModule;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.bundle.QuadletBundle;
import dev.bosun.stdlib.systemd.SystemdModule;
import dev.bosun.stdlib.systemd.SystemdTarget;
import dev.bosun.stdlib.systemd.UnitStatus;
import dev.bosun.stdlib.users.Accounts;
import dev.bosun.stdlib.users.User;

import java.util.ArrayList;
import java.util.List;

/** The {@code compartments} module: quadletman's compartments as a declaration that is planned, applied and removed. */
@Module(name = "compartments", doc = "Compartments: a rootless application as one declaration (a system user qm-<id> with "
        + "its group, sub-IDs, helper users for mapped container IDs, Podman settings, volumes, Quadlet units, secrets, "
        + "registry logins, lingering, the auto-update timer) that is planned, applied, checked for drift, exported and "
        + "removed without a trace. Everything goes through the users, groups, subids, quadlet and systemd operations.")
public final class CompartmentsModule implements HostModule {
    /** {@code rootless.check} before the first change (see {@link Preflight}). */
    private final Preflight preflight;

    public CompartmentsModule() {
        this(Preflight.ROOTLESS);
    }

    /** With another preflight: tests of apply's other steps on a machine that cannot run rootless containers. */
    CompartmentsModule(Preflight preflight) {
        this.preflight = preflight;
    }

    @Op(doc = "What compartments.apply(spec) would change, change by change (files with diffs, commands, state records), "
            + "computed on a dry-run view of the host: the same list apply under --dry-run shows. Changes nothing.")
    public CompartmentApplied plan(HostContext ctx, @Doc("the compartment spec") CompartmentSpec spec,
                                   @Optional @Doc("options") CompartmentApplyOptions options) {
        return PlanView.run(ctx, view -> new CompartmentApply(view, spec, options).run(preflight));
    }

    @Op(mutates = true, doc = "Makes the host what the spec says: creates or repairs the user, group, sub-IDs, helpers, "
            + "Podman configuration, volumes, units, secrets and logins, lingering and services, and removes what Bosun "
            + "made for this compartment that the spec no longer has (volumes with data only with pruneVolumes). "
            + "Refuses to take over accounts or unit files it did not make. A second apply changes nothing.")
    public CompartmentApplied apply(HostContext ctx, @Doc("the compartment spec") CompartmentSpec spec,
                                    @Optional @Doc("options") CompartmentApplyOptions options) {
        return new CompartmentApply(ctx, spec, options).run(preflight);
    }

    @Op(doc = "Drift of a compartment from its applied spec: what apply would change to bring the host back (unit files "
            + "changed by hand with their diffs, missing helpers or ranges, lingering, volume owners and modes) and, on a "
            + "live host whose user manager runs, the state of each container service.")
    public CompartmentStatus status(HostContext ctx, @Doc("compartment id") String id) {
        CompartmentSpec spec = recorded(ctx, id);
        List<String> warnings = new ArrayList<>();
        CompartmentApplied drift = PlanView.run(ctx, view -> new CompartmentApply(view, spec, null).run(preflight));
        warnings.addAll(drift.warnings());
        List<UnitStatus> services = new ArrayList<>();
        User user = Accounts.read(ctx.fs()).user(CompartmentNames.user(id));
        boolean running = true;
        if (user != null && ctx.liveRoot() && ctx.fs().exists("/run/user/" + user.uid() + "/systemd/private")) {
            for (ContainerDecl c : spec.containers()) {
                UnitStatus s = new SystemdModule().status(ctx, CompartmentUnits.serviceOf(c.unit()), new SystemdTarget(user.name()));
                services.add(s);
                running &= !c.autostart() || "active".equals(s.activeState());
            }
        }
        return new CompartmentStatus(id, CompartmentNames.user(id), drift.changes().isEmpty() && running, drift.changes(),
                services, warnings);
    }

    @Op(doc = "The compartments Bosun manages on this root (from its state database).")
    public List<CompartmentSummary> list(HostContext ctx) {
        OwnershipStore store = new OwnershipStore(ctx);
        List<CompartmentSummary> out = new ArrayList<>();
        for (String id : store.ids()) {
            CompartmentSpec spec = CompartmentJson.read("spec", store.spec(id));
            out.add(new CompartmentSummary(id, CompartmentNames.user(id), spec.containers().size(), spec.volumes().size(),
                    store.owned(id).size()));
        }
        return out;
    }

    @Op(mutates = true, doc = "Removes a compartment and everything Bosun recorded as made for it: stops its services, "
            + "ends lingering, refuses while its user still has processes unless force (then loginctl terminate-user), and "
            + "removes units, volumes (unless keepVolumes), helper users and groups, sub-ID ranges, the user with its home, "
            + "the group and the records. changed:false when Bosun has nothing recorded for the id.")
    public CompartmentRemoved remove(HostContext ctx, @Doc("compartment id") String id,
                                     @Optional @Doc("options") CompartmentRemoveOptions options) {
        CompartmentNames.checkId("id", id);
        return new CompartmentRemove(ctx, id, options).run();
    }

    @Op(doc = "A compartment's applied spec (JSON text and object) and its installed units as one "
            + "Podman .quadlets bundle.")
    public CompartmentExport exportSpec(HostContext ctx, @Doc("compartment id") String id) {
        CompartmentSpec spec = recorded(ctx, id);
        String user = CompartmentNames.user(id);
        List<QuadletUnit> units = new ArrayList<>();
        QuadletModule quadlet = new QuadletModule();
        for (Owned o : new OwnershipStore(ctx).owned(id)) {
            if (o.kind() == Owned.Kind.UNIT && ctx.fs().exists(o.name())) {
                units.add(quadlet.read(ctx, user, o.name().substring(o.name().lastIndexOf('/') + 1)));
            }
        }
        return new CompartmentExport(id, spec, CompartmentJson.pretty(spec), QuadletBundle.render(units));
    }

    @Op(doc = "A compartment spec from text: spec JSON (taken back exactly) or a .quadlets bundle (every "
            + "unit key kept; Bosun's volume paths, ID maps and autostart read back into the spec's terms; the id from "
            + "options or the volume paths). Returns the spec for plan or apply; changes nothing.")
    public CompartmentSpec importSpec(HostContext ctx, @Doc("spec JSON or .quadlets bundle text") String text,
                                      @Optional @Doc("options") ImportOptions options) {
        Check.present("text", text);
        if (text.length() > 4 * 1024 * 1024) {
            throw new InvalidValueException("text", "is longer than 4 MiB");
        }
        String id = options == null ? null : options.id();
        if (text.stripLeading().startsWith("{")) {
            CompartmentSpec spec = CompartmentJson.read("text", text);
            if (id != null && !id.equals(spec.id())) {
                throw new InvalidValueException("options", "id " + Check.quote(id) + " differs from the spec's " + Check.quote(spec.id()));
            }
            return spec;
        }
        return BundleImport.read(text, id);
    }

    private static CompartmentSpec recorded(HostContext ctx, String id) {
        CompartmentNames.checkId("id", id);
        String json = new OwnershipStore(ctx).spec(id);
        if (json == null) {
            throw new BosunException("no compartment " + Check.quote(id) + " is recorded on this root; compartments.list() "
                    + "shows the ones there are");
        }
        return CompartmentJson.read("spec", json);
    }
}
