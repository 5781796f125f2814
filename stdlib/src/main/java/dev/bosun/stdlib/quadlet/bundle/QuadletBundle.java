package dev.bosun.stdlib.quadlet.bundle;

import dev.bosun.api.Check;
import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.QuadletUnit;
import dev.bosun.stdlib.quadlet.UnitType;
import dev.bosun.stdlib.quadlet.unit.GoSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code .quadlets} multi-unit format of {@code podman quadlet install} (Podman 5.8): sections
 * separated by {@code ---} lines, each typed by its first Quadlet section header and named by a
 * {@code # FileName=} comment. Parsing follows Podman's grammar and error texts exactly, including
 * that blank sections are skipped but still counted in section numbers.
 */
public final class QuadletBundle {
    private QuadletBundle() {
    }

    /** The units of the bundle; any error rejects the whole bundle. {@code path} is only used in messages. */
    public static List<BundleSection> parse(String text, String path) {
        List<String> raw = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (GoSpace.trim(line).equals("---")) {
                if (!current.isEmpty()) {
                    raw.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        if (!current.isEmpty()) {
            raw.add(current.toString());
        }
        List<BundleSection> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int n = i + 1;
            String section = GoSpace.trim(raw.get(i));
            if (section.isEmpty()) {
                continue;
            }
            UnitType type = detectType(section, n);
            out.add(new BundleSection(n, fileName(section, n), type, section));
        }
        if (out.isEmpty()) {
            throw new BundleException("no valid quadlet sections found in file " + path);
        }
        return out;
    }

    private static UnitType detectType(String section, int n) {
        for (String l : section.split("\n", -1)) {
            String line = GoSpace.trim(l);
            if (line.startsWith("[") && line.endsWith("]")) {
                int b = 0;
                int e = line.length();
                while (b < e && line.charAt(b) == '[') {
                    b++;
                }
                while (e > b && line.charAt(e - 1) == ']') {
                    e--;
                }
                UnitType t = UnitType.ofLabel(line.substring(b, e).toLowerCase(Locale.ROOT));
                if (t != null) {
                    return t;
                }
            }
        }
        throw new BundleException("unable to detect quadlet type in section " + n + ": no recognized quadlet section found "
                + "(expected [Container], [Volume], [Network], [Kube], [Image], [Build], or [Pod])");
    }

    private static String fileName(String section, int n) {
        for (String l : section.split("\n", -1)) {
            String line = GoSpace.trim(l);
            if (!line.startsWith("#")) {
                continue;
            }
            String rest = GoSpace.trim(line.substring(1));
            if (rest.startsWith("FileName=")) {
                String name = GoSpace.trim(rest.substring("FileName=".length()));
                if (name.isEmpty()) {
                    throw new BundleException("section " + n + ": FileName comment found but no filename specified");
                }
                if (name.contains("/") || name.contains("\\")) {
                    throw new BundleException("section " + n + ": FileName '" + Check.oneLine(name, Check.QUOTE_LIMIT) + "' cannot contain path separators");
                }
                return name;
            }
        }
        throw new BundleException("section " + n + ": missing required '# FileName=<name>' comment at the beginning of quadlet section");
    }

    /**
     * One bundle text for the units: each section gets a {@code # FileName=} first line unless it has
     * one, and sections are joined with {@code ---}. A unit with a {@code ---} line cannot be bundled
     * (Podman has no escape for it) and is refused.
     */
    public static String render(List<QuadletUnit> units) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < units.size(); i++) {
            QuadletUnit u = units.get(i);
            String text = u.text();
            for (String line : text.split("\n", -1)) {
                if (GoSpace.trim(line).equals("---")) {
                    throw new InvalidValueException("units[" + i + "]", Check.quote(u.fileName())
                            + " contains a '---' line, which would split the bundle");
                }
            }
            if (!hasFileName(text, u.name())) {
                text = "# FileName=" + u.name() + "\n" + text;
            }
            if (i > 0) {
                out.append("---\n");
            }
            out.append(text);
            if (!text.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean hasFileName(String text, String name) {
        for (String l : text.split("\n", -1)) {
            String line = GoSpace.trim(l);
            if (line.startsWith("#") && GoSpace.trim(line.substring(1)).startsWith("FileName=")) {
                if (!GoSpace.trim(GoSpace.trim(line.substring(1)).substring("FileName=".length())).equals(name)) {
                    throw new InvalidValueException("units", "unit " + Check.quote(name)
                            + " has a '# FileName=' comment naming a different file: " + Check.quote(line));
                }
                return true;
            }
        }
        return false;
    }
}
