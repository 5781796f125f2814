package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.UnitType;

/**
 * What one Podman release's generator does differently. The accepted keys come from {@link ReleaseKeys};
 * each behaviour that changed between 4.4 and 6.0-dev is a switch here, named for the behaviour and dated by
 * the first release with it (the release tags that contain the commit that made the change, in Podman's git
 * history). Releases 5.4 and 5.8 are checked against Podman's own generator binaries.
 */
final class GeneratorRelease {
    static final PodmanVersion FIRST = new PodmanVersion(4, 4, 0);

    private final PodmanVersion version;

    private GeneratorRelease(PodmanVersion version) {
        this.version = version;
    }

    static GeneratorRelease of(PodmanVersion version) {
        return new GeneratorRelease(version);
    }

    PodmanVersion version() {
        return version;
    }

    private boolean since(int major, int minor) {
        return since(major, minor, 0);
    }

    private boolean since(int major, int minor, int patch) {
        return version.compareTo(new PodmanVersion(major, minor, patch)) >= 0;
    }

    boolean supports(UnitType type, String key) {
        return ReleaseKeys.accepts(version, type.toString(), key);
    }

    /** 5.3: the {@code [Quadlet]} section exists (its keys are checked and it is renamed X-Quadlet). */
    boolean hasQuadletSection() {
        return since(5, 3);
    }

    boolean supportsQuadletKey(String key) {
        return ReleaseKeys.accepts(version, "quadlet", key);
    }

    static PodmanVersion typeSince(UnitType type) {
        return switch (type) {
            case IMAGE -> new PodmanVersion(4, 8, 0);
            case POD -> new PodmanVersion(5, 0, 0);
            case BUILD -> new PodmanVersion(5, 2, 0);
            case ARTIFACT -> new PodmanVersion(5, 7, 0);
            default -> FIRST;
        };
    }

    static PodmanVersion keySince(UnitType type, String key) {
        return ReleaseKeys.since(type, key);
    }

    boolean hasType(UnitType type) {
        return version.compareTo(typeSince(type)) >= 0;
    }

    /** Whether an extension names a Quadlet unit type this release knows. */
    boolean isQuadletExtension(String ext) {
        UnitType t = UnitType.ofFileName("x" + ext);
        return t != null && ext.equals(t.extension()) && hasType(t);
    }

    // ---- reading values

    /** Before 5.8.2 a string value lost every leading and trailing double quote, not one matched pair. */
    boolean trimsAllQuotes() {
        return !since(5, 8, 2);
    }

    /** A Mount= without {@code type=} is a volume mount (podman commit 3837339e, 5.6); before, a format error. */
    boolean mountTypeDefaultsToVolume() {
        return since(5, 6);
    }

    /** 5.6: a blank inside a quoted command-line word is written {@code \x20} (it was a plain blank). */
    boolean escapesBlanks() {
        return since(5, 6);
    }

    /** 5.6: {@code Environment=NAME} without a value passes the host's variable on; before, it was dropped. */
    boolean keepsBareKeys() {
        return since(5, 6);
    }

    /** 5.6: values that fail to split (Environment=, Exec=, ...) are warned about; before, silently dropped. */
    boolean warnsOnSplitErrors() {
        return since(5, 6);
    }

    // ---- the service skeleton

    /** 5.6: every type's service starts the same way; before, each type added its lines in its own order. */
    boolean unifiedSkeleton() {
        return since(5, 6);
    }

    /** 5.5: {@code [Unit]} dependencies naming Quadlet units are translated to their services. */
    boolean translatesUnitDependencies() {
        return since(5, 5);
    }

    /**
     * 5.3: every service wants and is ordered after the network (unless [Quadlet] DefaultDependencies=false), a
     * user's through podman-user-wait-network-online.service; 5.2: containers, images and builds only, always
     * network-online.target.
     */
    boolean addsNetworkDependency(UnitType type) {
        return since(5, 3) || (since(5, 2) && (type == UnitType.CONTAINER || type == UnitType.IMAGE || type == UnitType.BUILD));
    }

    /** 5.3: {@code [Quadlet] DefaultDependencies=} and the user's own network-online service. */
    boolean hasDefaultDependencies() {
        return since(5, 3);
    }

    /** 5.6: User=, Group= and DynamicUser= in [Service] are warned about. */
    boolean warnsAboutServiceUser() {
        return since(5, 6);
    }

    /** 5.7: a template's services are named {@code web-volume@.service}, its resources {@code systemd-web-%i}. */
    boolean namesTemplatesBySpecifier() {
        return since(5, 7);
    }

    // ---- option forms

    /** Options Podman before 5.3 wrote as one word ({@code --dns=1.1.1.1}) in every unit type. */
    private static final java.util.Set<String> JOINED_BEFORE_5_3 = java.util.Set.of("--name", "--tz", "--device",
            "--dns", "--dns-option", "--dns-search", "--cap-drop", "--cap-add", "--shm-size", "--entrypoint", "--sysctl",
            "--group-add", "--expose", "--add-host", "--network", "--uidmap", "--gidmap", "--driver", "--subnet",
            "--gateway", "--ip-range", "--ipam-driver", "--tag", "--file", "-w");

    /**
     * Whether this release writes the option as one word: before 5.3 ({@code "prefer param val over param=val"})
     * the options above were, and so was every string option of .image and .build units.
     */
    boolean joinsOption(UnitType type, String flag) {
        return !since(5, 3) && (JOINED_BEFORE_5_3.contains(flag) || type == UnitType.IMAGE || type == UnitType.BUILD);
    }

    /** The flag for WorkingDir=: {@code -w} before 5.3. */
    String workdirFlag() {
        return since(5, 3) ? "--workdir" : "-w";
    }

    /** 5.3: SELinux options are {@code label=disable}, {@code label=nested} (were {@code label:disable}, ...). */
    String labelOption(String what) {
        return (since(5, 3) ? "label=" : "label:") + what;
    }

    /** 5.3: a pod's infra container is named {@code NAME-infra}. */
    boolean namesInfraContainer() {
        return since(5, 3);
    }

    // ---- containers and pods

    /** 5.6: containers and pods are addressed by name instead of through cidfiles and pod-id files. */
    boolean stopsByName() {
        return since(5, 6);
    }

    /**
     * Entrypoint= as {@code --entrypoint=VALUE}, an empty value included: before 5.3 and again from 5.8.2; in
     * between as {@code --entrypoint VALUE}, only when not empty.
     */
    boolean entrypointInOneWord() {
        return !since(5, 3) || since(5, 8, 2);
    }

    /** 5.3: Network= may name a .container to share its network. */
    boolean networkCanNameContainer() {
        return since(5, 3);
    }

    /** 6.0: a template container does not make its pod want it (the pod cannot name an instance). */
    boolean skipsTemplatesInPods() {
        return since(6, 0);
    }

    /** 5.6: a pod's ExitPolicy= is passed on, with {@code stop} as the default. */
    boolean hasPodExitPolicy() {
        return since(5, 6);
    }

    /** 5.6: a pod adds its PODMAN_SYSTEMD_UNIT environment instead of replacing the last Environment= line. */
    boolean podAddsEnvironment() {
        return since(5, 6);
    }

    /** 6.0: a pod keeps a Restart= of its own instead of always restarting on failure. */
    boolean podKeepsRestart() {
        return since(6, 0);
    }

    // ---- storage

    /** 5.7: Mount= and Volume= sources may name .artifact units; an empty source is an error, not a crash. */
    boolean hasArtifacts() {
        return hasType(UnitType.ARTIFACT);
    }

    /** 5.8: a RequiresMountsFor= path is escaped (quoted) when it needs it. */
    boolean escapesMountPaths() {
        return since(5, 8);
    }

    /** 6.0: a volume Mount= may leave out its source (an anonymous volume). */
    boolean volumeMountsWithoutSource() {
        return since(6, 0);
    }

    /** 5.6: a Type=bind volume requires its device to be mounted. */
    boolean bindVolumeRequiresMount() {
        return since(5, 6);
    }

    /** 6.0: a volume's Options= may be given without Device=. */
    boolean volumeOptionsWithoutDevice() {
        return since(6, 0);
    }

    /** A volume's User=/Group= as written into {@code o=uid=…,gid=…}. */
    String volumeOwner(Conversion c, String key) {
        return Long.toString(c.unit.lookupUint32(c.group, key, 0));
    }

    // ---- kube and build

    /** 5.7: several Yaml= in a .kube are all played. */
    boolean multipleYaml() {
        return since(5, 7);
    }

    /** 5.7: a build's File= starting with a systemd specifier counts as absolute. */
    boolean specifierPathsAreAbsolute() {
        return since(5, 7);
    }

    // ---- drop-ins and install

    /** 5.0: drop-in directories ({@code web.container.d/}, and the template's for an instance). */
    boolean hasDropIns() {
        return since(5, 0);
    }

    /** 5.2: also the type-wide ({@code container.d/}) and dash-truncated ({@code web-.container.d/}) drop-in directories. */
    boolean hasWideDropIns() {
        return since(5, 2);
    }

    /** 5.0: a template's [Install] links go through DefaultInstance=. */
    boolean installsTemplates() {
        return since(5, 0);
    }

    /** 5.5: [Install] UpheldBy= is linked. */
    boolean hasUpheldBy() {
        return since(5, 5);
    }
}
