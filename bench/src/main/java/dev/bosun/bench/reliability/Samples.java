package dev.bosun.bench.reliability;

import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.ops.ParamInfo;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valid argument values, as JS source, derived from the declared types and the names of parameters and record
 * components: the positions of a call that do not hold the hostile value get these, so that every position is
 * validated rather than only the first. They refer to the fixtures {@link HostileSweepWorker} makes on the
 * sweep's root (user hostile0 with a home and sub-IDs, unit h-app.container, connection hconn, loopback slug
 * hslug, overlay hover over /srv/hlower, file /etc/hostile-sample.txt).
 */
final class Samples {
    static final String USER = "'hostile0'";
    static final String UNIT = "quadlet.container({name: 'h-app', image: 'docker.io/library/busybox:1.36'})";

    /** JS that makes the fixtures on a fresh root (apply mode), once per sweep. */
    static final String FIXTURES = """
            users.ensure({name: 'hostile0', createHome: true, shell: '/bin/sh'});
            subids.allocate('hostile0');
            quadlet.install('hostile0', %s);
            files.write('/etc/hostile-sample.txt', 'sample\\n');
            marks.allocate({type: 'tor', name: 'hconn'});
            marks.assign('10.9.0.2', 'hconn');
            loopback.allocate('hslug');
            overlay.create('hover', {lower: ['/srv/hlower']});
            """.formatted(UNIT);

    /** Modules whose {@code name} is a login or group name. */
    private static final Set<String> ACCOUNT_MODULES = Set.of("users", "groups", "kvm", "subids");

    private Samples() {
    }

    /** The valid value of one parameter (required or not). */
    static String param(OpInfo op, ParamInfo p) {
        return of(op, null, p.name(), p.type());
    }

    /** A valid value of {@code type} at a place named {@code name} (in record {@code owner}, or a parameter). */
    static String of(OpInfo op, Class<?> owner, String name, Type type) {
        Class<?> raw = Slot.raw(type);
        if (raw == String.class) {
            return string(op, owner, name);
        }
        if (Slot.isInteger(raw)) {
            return integer(name);
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return "1.5";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return name.equals("on") ? "true" : "false";
        }
        if (raw.isEnum()) {
            Object first = raw.getEnumConstants()[0];
            return "'" + (name.equals("type") && raw.getSimpleName().equals("ConnectionType") ? "tor" : first) + "'";
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return "[" + of(op, owner, name, Slot.elementType(type)) + "]";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "{KEY: " + of(op, owner, name, Slot.valueType(type)) + "}";
        }
        if (raw.isRecord()) {
            return record(op, raw);
        }
        // "A unit, or an array of units" (quadlet.generate): not a record, read from a unit or an array.
        return raw.getSimpleName().equals("QuadletUnits") ? UNIT : "undefined";
    }

    /** Known records by their role; any other record gets its required components. */
    private static String record(OpInfo op, Class<?> raw) {
        switch (raw.getSimpleName()) {
            case "QuadletUnit" -> {
                return UNIT;
            }
            case "CreateSpec" -> {
                return "{lower: ['/srv/hlower']}";
            }
            case "IdMapRequest" -> {
                return "{user: " + USER + ", containerUids: ['1']}";
            }
            default -> {
                List<String> fields = new ArrayList<>();
                for (RecordComponent rc : raw.getRecordComponents()) {
                    if (Slot.requiredComponent(rc)) {
                        fields.add(rc.getName() + ": " + of(op, raw, rc.getName(), rc.getGenericType()));
                    }
                }
                return "{" + String.join(", ", fields) + "}";
            }
        }
    }

    private static String string(OpInfo op, Class<?> owner, String name) {
        String module = op.module();
        return switch (name) {
            case "user", "owner", "group", "groups" -> USER;
            case "name" -> name(op, owner);
            case "id" -> "'hconn'";
            case "peer" -> "'10.9.0.2'";
            case "connection" -> "'hconn'";
            case "slug" -> "'hslug'";
            case "unit" -> "'h-app.service'";
            case "units" -> "'h-app.container'";
            case "path" -> module.equals("files") ? "'/etc/hostile-sample.txt'" : "'/etc/hostile-mark'";
            case "dir" -> "'/etc'";
            case "home" -> "'/home/hostile0'";
            case "shell" -> "'/bin/sh'";
            case "lower" -> "'/srv/hlower'";
            case "opaque" -> "'/opt'";
            case "datadir" -> "'/var/lib/bosun'";
            case "image" -> "'docker.io/library/busybox:1.36'";
            case "text" -> text(op);
            case "netns" -> "'hns'";
            case "mode" -> "'0644'";
            case "first" -> "'127.0.0.16'";
            case "last" -> "'127.0.0.31'";
            case "mark" -> "'0x1100'";
            case "since" -> "'1d'";
            case "op" -> "'users.ensure'";
            case "podman" -> "'5.4'";
            case "containerUids", "containerGids" -> "'1'";
            case "comment" -> "'hostile sweep'";
            default -> "'sample'";
        };
    }

    /** {@code name} means a login, a unit file, a unit, a connection, an overlay or a sandbox by module and record. */
    private static String name(OpInfo op, Class<?> owner) {
        String module = op.module();
        if (ACCOUNT_MODULES.contains(module)) {
            return USER;
        }
        if (module.equals("overlay")) {
            return op.name().equals("create") ? "'hnew'" : "'hover'";
        }
        if (module.equals("marks")) {
            return "'hnew'";
        }
        if (module.equals("quadlet")) {
            // quadlet.read/remove and the install/parse options name a unit file; the builders name the unit.
            return owner == null || owner.getSimpleName().equals("Install") || owner.getSimpleName().equals("Parse")
                    ? "'h-app.container'" : "'h-app'";
        }
        return "'hbox'";
    }

    private static String text(OpInfo op) {
        return switch (op.qualifiedName()) {
            case "quadlet.parse" -> "'[Container]\\nImage=docker.io/library/busybox:1.36\\n'";
            case "quadlet.bundle.parse", "quadlet.bundle.install" ->
                    "'# FileName=h-bundle.container\\n[Container]\\nImage=docker.io/library/busybox:1.36\\n'";
            default -> "'sample\\n'";
        };
    }

    private static String integer(String name) {
        return switch (name) {
            case "uid", "gid", "user", "group" -> "1500";
            case "count", "remapUidSize" -> "65536";
            case "table" -> "1001";
            case "redirectPort" -> "9100";
            case "limit" -> "10";
            case "timeoutSeconds" -> "60";
            default -> "1";
        };
    }
}
