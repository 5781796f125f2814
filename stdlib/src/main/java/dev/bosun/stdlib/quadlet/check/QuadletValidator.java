package dev.bosun.stdlib.quadlet.check;

import dev.bosun.stdlib.quadlet.KeyInfo;
import dev.bosun.stdlib.quadlet.PodmanVersion;
import dev.bosun.stdlib.quadlet.QuadletKeys;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.spec.Uint32;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.WordSplitter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a unit the way Podman's generator would, before a daemon-reload finds out: keys of the own
 * section and {@code [Quadlet]} (unknown, too new for the target version, deprecated), how each value
 * is read, the per-type rules ({@link TypeRules}), the rules on systemd sections ({@link ServiceRules})
 * and references to other units ({@link ReferenceRules}).
 */
public final class QuadletValidator {
    private static final Set<String> BOOL_WORDS = Set.of("1", "yes", "true", "on", "0", "no", "false", "off");

    private QuadletValidator() {
    }

    public static List<Finding> validate(UnitFile file, UnitType type, String fileName, ValidationTarget target) {
        Findings out = new Findings();
        PodmanVersion v = target.podman();
        if (v.compareTo(PodmanVersion.FIRST_QUADLET) < 0) {
            out.error(null, null, "Podman " + v + " has no Quadlet generator (Quadlet arrived in Podman "
                    + PodmanVersion.FIRST_QUADLET.shortText() + "): systemd would never read " + fileName);
        } else if (v.compareTo(PodmanVersion.V5_4) < 0) {
            out.warning(null, null, "Bosun knows Quadlet keys from Podman " + PodmanVersion.V5_4.shortText()
                    + " on; for Podman " + v.shortText() + " it checks as for " + PodmanVersion.V5_4.shortText()
                    + ", so a key that arrived after " + v.shortText() + " is not flagged");
        }
        if (type == UnitType.ARTIFACT && v.compareTo(PodmanVersion.V5_8) < 0) {
            out.error(null, null, ".artifact units need Podman 5.8 or newer; Podman " + v.shortText() + " ignores " + fileName);
        }
        checkKeys(file, type.section(), QuadletKeys.get().keys(type), type, v, out);
        checkKeys(file, QuadletKeys.QUADLET_SECTION, QuadletKeys.get().quadletKeys(), type, v, out);
        TypeRules.check(file, type, fileName, v, out);
        ServiceRules.check(file, type, out);
        if (target.units() != null) {
            ReferenceRules.check(file, type, target.units(), v, out);
        }
        return out.list();
    }

    private static void checkKeys(UnitFile file, String group, Map<String, KeyInfo> keys, UnitType type,
                                  PodmanVersion v, Findings out) {
        Set<String> seen = new HashSet<>();
        for (UnitEntry e : file.entries(group)) {
            if (!seen.add(e.key())) {
                continue;
            }
            KeyInfo info = keys.get(e.key());
            if (info == null) {
                out.error(e.key(), e, "unsupported key '" + e.key() + "' in group '" + group + "'");
                continue;
            }
            if (!v.knows(info)) {
                out.error(e.key(), e, "unsupported key '" + e.key() + "' in group '" + group + "' (Podman "
                        + v.shortText() + " does not know " + e.key() + "=; it needs Podman " + info.since().shortText() + ")");
                continue;
            }
            if (info.deprecated()) {
                out.warning(e.key(), e, "key " + e.key() + " in group '" + group + "' is deprecated");
            }
            checkKind(file, group, info, type, out);
        }
    }

    /** Values Podman reads differently from what the writer probably meant. */
    private static void checkKind(UnitFile file, String group, KeyInfo info, UnitType type, Findings out) {
        String k = info.name();
        switch (info.kind()) {
            case BOOL -> file.lastEntry(group, k).ifPresent(e -> {
                String val = UnitFile.unquoteString(e.value());
                if (!BOOL_WORDS.contains(val.toLowerCase(java.util.Locale.ROOT))) {
                    out.warning(k, e, k + "=" + val + " is not a boolean; Podman reads it as false");
                }
            });
            case UINT32 -> file.lastEntry(group, k).ifPresent(e -> {
                String val = UnitFile.unquoteString(e.value());
                // A volume's User=/Group= also take names (Podman resolves them with LookupUID/LookupGID).
                boolean names = type == UnitType.VOLUME && val.matches("[A-Za-z_][A-Za-z0-9_.-]*");
                if (!val.isEmpty() && !names && Uint32.parse(val) == null) {
                    out.warning(k, e, k + "=" + val + " is not a number from 0 to 4294967295; Podman ignores it");
                }
            });
            case MULTI_STRV -> split(file, group, k, WordSplitter.STRV, "Podman ignores the rest of this value", out);
            case MULTI_ARGS -> split(file, group, k, WordSplitter.ARGS, "Podman silently drops this entry", out);
            case MULTI_KEYVAL -> split(file, group, k, WordSplitter.ARGS, "Podman skips this entry", out);
            case LAST_ARGS -> file.lastEntry(group, k).ifPresent(e -> {
                try {
                    WordSplitter.ARGS.split(e.value());
                } catch (WordSplitter.SplitException ex) {
                    out.warning(k, e, k + "=" + e.value() + ": " + ex.getMessage());
                }
            });
            default -> {
            }
        }
    }

    private static void split(UnitFile file, String group, String k, WordSplitter splitter, String consequence, Findings out) {
        for (UnitEntry e : file.lookupAllEntries(group, k)) {
            try {
                splitter.split(e.value());
            } catch (WordSplitter.SplitException ex) {
                out.warning(k, e, k + "=" + e.value() + ": " + ex.getMessage() + "; " + consequence);
            }
        }
    }
}
