package dev.bosun.stdlib.rootless;

import java.util.List;

/**
 * Podman itself and its Quadlet generator. Rootless units in {@code ~/.config/containers/systemd} are turned into
 * services by the user generator ({@code podman-user-generator}, a link to {@code /usr/libexec/podman/quadlet}) that
 * the user's systemd runs at every start and daemon-reload; without it the units are never read, and nothing says
 * so. Debian 12's Podman 4.3.1 predates Quadlet (4.4).
 */
final class PodmanFindings {
    static final String PODMAN = "podman";
    static final String QUADLET = "quadlet";
    static final String QUADLET_BINARY = "/usr/libexec/podman/quadlet";
    static final String USER_GENERATOR = "podman-user-generator";
    static final String SYSTEM_GENERATOR = "/usr/lib/systemd/system-generators/podman-system-generator";
    /** systemd's user generator directories, in its order (systemd.generator(7)). */
    static final List<String> USER_GENERATOR_DIRS = List.of("/run/systemd/user-generators", "/etc/systemd/user-generators",
            "/usr/local/lib/systemd/user-generators", "/usr/lib/systemd/user-generators", "/lib/systemd/user-generators");
    private static final String PODMAN_TITLE = "for Podman (4.4 or later)";
    private static final String QUADLET_TITLE = "for the Quadlet user generator";
    private static final String NEWER = "install Podman 4.4 or later (Debian 13 ships 5.4.2; Debian 12's 4.3.1 has no Quadlet)";

    private final Survey s;
    private PodmanVersion version;

    PodmanFindings(Survey s) {
        this.s = s;
    }

    /** The version {@link #podman()} found, or null. */
    PodmanVersion version() {
        return version;
    }

    RootlessFinding podman() {
        Programs.Found p = s.programs.find("podman");
        if (p == null) {
            return RootlessFinding.fail(PODMAN, PODMAN_TITLE, "podman is not installed on " + String.join(":", Programs.PATH),
                    "apt install podman; " + NEWER);
        }
        Survey.Version v = s.version(p);
        if (v == null) {
            return RootlessFinding.skip(PODMAN, PODMAN_TITLE, "podman at " + p.path() + "; " + s.notUnderRoot("podman --version")
                    + "; the quadlet finding reads the root's files");
        }
        if (v.failure() != null) {
            return RootlessFinding.fail(PODMAN, PODMAN_TITLE, "podman at " + p.path() + " does not run: " + v.failure(),
                    "apt install --reinstall podman");
        }
        version = PodmanVersion.parse(v.line());
        if (version == null) {
            return RootlessFinding.warn(PODMAN, PODMAN_TITLE, "podman at " + p.path() + " printed no version: "
                    + dev.bosun.api.Check.quote(v.line()), "check that " + p.path() + " is Podman");
        }
        if (!version.hasQuadlet()) {
            return RootlessFinding.fail(PODMAN, PODMAN_TITLE, v.line() + " at " + p.path() + ": Quadlet arrived in 4.4, "
                    + "so Quadlet units would never be read", NEWER);
        }
        return RootlessFinding.ok(PODMAN, PODMAN_TITLE, v.line() + " at " + p.path());
    }

    /** Call after {@link #podman()}: its version sharpens the message when the generator is missing. */
    RootlessFinding quadlet() {
        Programs.Found generator = null;
        for (String dir : USER_GENERATOR_DIRS) {
            generator = s.programs.at(dir + "/" + USER_GENERATOR);
            if (generator != null) {
                break;
            }
        }
        boolean system = s.programs.at(SYSTEM_GENERATOR) != null;
        String also = "; system generator " + SYSTEM_GENERATOR + (system ? " present" : " absent");
        if (generator != null && generator.executable()) {
            return RootlessFinding.ok(QUADLET, QUADLET_TITLE, generator.path() + (generator.target().equals(generator.path())
                    ? "" : " -> " + generator.target()) + also);
        }
        Programs.Found binary = s.programs.at(QUADLET_BINARY);
        if (generator != null) {
            return RootlessFinding.fail(QUADLET, QUADLET_TITLE, generator.path() + " is not executable (mode "
                    + IdMapperFinding.mode(generator.stat()) + "): systemd skips it, so Quadlet units are never read",
                    "chmod 0755 " + generator.target() + ", or apt install --reinstall podman");
        }
        if (binary != null) {
            return RootlessFinding.fail(QUADLET, QUADLET_TITLE, QUADLET_BINARY + " is there, but no " + USER_GENERATOR
                    + " in " + String.join(", ", USER_GENERATOR_DIRS) + ": the user's systemd never runs it, so units in "
                    + "~/.config/containers/systemd are never read" + also,
                    "ln -s " + QUADLET_BINARY + " /usr/lib/systemd/user-generators/" + USER_GENERATOR
                    + " (the link Podman's package ships), or apt install --reinstall podman");
        }
        String why = version != null && !version.hasQuadlet()
                ? "Podman " + version + " has no Quadlet (4.4 or later has)"
                : "no " + QUADLET_BINARY + " and no " + USER_GENERATOR;
        return RootlessFinding.fail(QUADLET, QUADLET_TITLE, why + ": units in ~/.config/containers/systemd would never "
                + "be read" + also, NEWER);
    }
}
