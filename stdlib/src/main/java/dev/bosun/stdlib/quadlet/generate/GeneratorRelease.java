package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;

/**
 * What one Podman release's generator does differently: which keys it accepts and the behaviour that
 * changed between 4.4 and 6.0-dev, each switch named for the behaviour and dated by the first release
 * with it (established from the generator's source at each release tag).
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
        return version.compareTo(new PodmanVersion(major, minor, 0)) >= 0;
    }

    boolean supports(UnitType type, String key) {
        KeyInfo info = QuadletKeys.get().keys(type).get(key);
        return info != null && version.knows(info);
    }

    boolean supportsQuadletKey(String key) {
        return QuadletKeys.get().quadletKeys().containsKey(key);
    }

    /** Whether an extension names a Quadlet unit type this release knows. */
    boolean isQuadletExtension(String ext) {
        UnitType t = UnitType.ofFileName("x" + ext);
        return t != null && ext.equals(t.extension()) && hasType(t);
    }

    boolean hasType(UnitType type) {
        return version.compareTo(typeSince(type)) >= 0;
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
        KeyInfo info = QuadletKeys.get().keys(type).get(key);
        return info == null ? null : info.since();
    }

    boolean hasArtifacts() {
        return hasType(UnitType.ARTIFACT);
    }

    /** 5.5: {@code [Unit]} dependencies naming Quadlet units are translated to their services. */
    boolean translatesUnitDependencies() {
        return since(5, 5);
    }

    /** 5.3: every service wants and is ordered after network-online.target (unless DefaultDependencies=false). */
    boolean addsNetworkDependency() {
        return since(5, 3);
    }

    /** 5.6: containers are stopped and removed by name instead of through a cidfile. */
    boolean stopsByName() {
        return since(5, 6);
    }

    /** 5.3: Network= may name a .container to share its network. */
    boolean networkCanNameContainer() {
        return since(5, 3);
    }

    /** 6.0: a template container does not make its pod want it (the pod cannot name an instance). */
    boolean skipsTemplatesInPods() {
        return since(6, 0);
    }

    /** 5.7: several Yaml= in a .kube are all played. */
    boolean multipleYaml() {
        return since(5, 7);
    }

    /** 5.7: a build's File= starting with a systemd specifier counts as absolute. */
    boolean specifierPathsAreAbsolute() {
        return since(5, 7);
    }

    /** 5.6: a Type=bind volume requires its device to be mounted. */
    boolean bindVolumeRequiresMount() {
        return since(5, 6);
    }

    /** 6.0: a volume's Options= may be given without Device=. */
    boolean volumeOptionsWithoutDevice() {
        return since(6, 0);
    }

    /** 5.6: a pod's ExitPolicy= is passed on, with {@code stop} as the default. */
    boolean hasPodExitPolicy() {
        return since(5, 6);
    }

    /** 6.0: a volume Mount= may leave out its source (an anonymous volume). */
    boolean volumeMountsWithoutSource() {
        return since(6, 0);
    }

    /** 6.0: a pod keeps a Restart= of its own instead of always restarting on failure. */
    boolean podKeepsRestart() {
        return since(6, 0);
    }

    /** A volume's User=/Group= as written into {@code o=uid=…,gid=…}. */
    String volumeOwner(Conversion c, String key) {
        return Long.toString(c.unit.lookupUint32(c.group, key, 0));
    }

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

    /** 5.6: User=, Group= and DynamicUser= in [Service] are warned about. */
    boolean warnsAboutServiceUser() {
        return since(5, 6);
    }
}
