package dev.bosun.shell.js;

import dev.bosun.api.BosunException;
import dev.bosun.api.Change;
import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A module with every parameter shape the bridge supports, for bridge and sandbox tests. */
@Module(name = "sample", doc = "Test module exercising the operation bridge.")
public final class SampleModule implements HostModule {
    public enum Kind {
        FIRST_FIT("first-fit"), DETERMINISTIC("deterministic");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public record Spec(@Doc("the name") String name, boolean system, @Optional Integer uid,
                       @Optional List<String> groups, @Optional Map<String, String> env, @Optional Kind kind,
                       @Optional String password) {
        private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

        public Spec {
            Check.matches("name", name, NAME, "[a-z_][a-z0-9_-]{0,31}");
            kind = kind == null ? Kind.FIRST_FIT : kind;
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    public record Result(String name, boolean changed, Kind kind, List<String> groups, Map<String, String> env) {
    }

    @Op(doc = "Echoes the spec back as a result.")
    public Result echo(HostContext ctx, Spec spec) {
        return new Result(spec.name(), false, spec.kind(), spec.groups(), spec.env());
    }

    @Op(doc = "Adds two integers.")
    public long add(long a, @Optional Long b) {
        return a + (b == null ? 0 : b);
    }

    @Op(doc = "Scales counts by a factor and sums them.")
    public double scale(double factor, @Optional Map<String, Integer> counts) {
        return factor * (counts == null ? 1 : counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Op(doc = "Records a state change and returns changed:true.", mutates = true)
    public Result touch(HostContext ctx, Spec spec) {
        ctx.plan().record(Change.state("sample/" + spec.name(), "touched " + spec.name()));
        return new Result(spec.name(), true, spec.kind(), spec.groups(), spec.env());
    }

    @Op(doc = "Always fails with a BosunException.", mutates = true)
    public Result fail(HostContext ctx, String why) {
        throw new BosunException("cannot do it: " + why);
    }

    @Op(doc = "Throws an unexpected exception.")
    public String crash() {
        throw new IllegalStateException("unexpected");
    }

    @Op(name = "nested.deep", doc = "An operation in a nested namespace.")
    public String deep(String s) {
        return "deep:" + s;
    }

    /** A result with a helper method that must not become a property. */
    public record Box(List<String> items) {
        public boolean isEmpty() {
            return items.isEmpty();
        }

        public String getFirst() {
            return items.getFirst();
        }
    }

    @Op(doc = "Returns a box.")
    public Box box(List<String> items) {
        return new Box(items);
    }

    @Op(doc = "Counts the items of a box given back by box().")
    public int count(Box box) {
        return box.items().size();
    }

    @Op(doc = "Returns null.")
    public Result none() {
        return null;
    }
}
