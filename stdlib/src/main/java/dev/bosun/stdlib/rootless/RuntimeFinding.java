package dev.bosun.stdlib.rootless;

import dev.bosun.api.Check;

/**
 * The OCI runtime Podman will use: containers.conf's {@code [engine] runtime}, else crun (Podman's default), or
 * runc when only runc is installed; found on the PATH and, on the live root, asked for its version.
 */
final class RuntimeFinding {
    static final String ID = "runtime";
    static final String TITLE = "for an OCI runtime (crun or runc)";

    /**
     * The runtime that will run the containers.
     *
     * @param name    its name (crun, runc, or what containers.conf says)
     * @param program where it is, or null when it is not installed
     * @param why     how it was chosen, for the detail
     */
    record Choice(String name, Programs.Found program, String why) {
    }

    private RuntimeFinding() {
    }

    static Choice choose(Survey s) {
        String configured = s.conf.runtime();
        if (configured != null) {
            return new Choice(configured, safeName(configured) ? s.programs.find(configured) : null,
                    "runtime = " + Check.quote(configured) + " in " + s.conf.runtimeSource());
        }
        Programs.Found crun = s.programs.find("crun");
        if (crun != null) {
            return new Choice("crun", crun, "Podman's default");
        }
        Programs.Found runc = s.programs.find("runc");
        if (runc != null) {
            return new Choice("runc", runc, "crun, Podman's default, is not installed");
        }
        return new Choice("crun", null, "Podman's default");
    }

    static RootlessFinding of(Survey s, Choice choice) {
        if (choice.program() == null) {
            String other = choice.name().equals("crun") && s.programs.find("runc") == null ? ""
                    : " (set runtime = \"crun\" or \"runc\" in [engine] of /etc/containers/containers.conf to use another)";
            return RootlessFinding.fail(ID, TITLE, Check.quote(choice.name()) + " (" + choice.why()
                    + ") is not installed on " + String.join(":", Programs.PATH),
                    "install crun (apt install crun / dnf install crun), Podman's default runtime" + other);
        }
        String where = choice.program().path() + (choice.program().target().equals(choice.program().path()) ? ""
                : " -> " + choice.program().target());
        Survey.Version v = s.version(choice.program());
        if (v == null) {
            return RootlessFinding.ok(ID, TITLE, choice.name() + " at " + where + " (" + choice.why() + "); "
                    + s.notUnderRoot(choice.name() + " --version"));
        }
        if (v.failure() != null) {
            return RootlessFinding.fail(ID, TITLE, choice.name() + " at " + where + " does not run: " + v.failure(),
                    "reinstall it (apt install --reinstall " + choice.name() + "), or point [engine] runtime at one that runs");
        }
        return RootlessFinding.ok(ID, TITLE, v.line() + " at " + where + " (" + choice.why() + ")");
    }

    /** A configured runtime is looked up by name only when it is a plain program name. */
    private static boolean safeName(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    }
}
