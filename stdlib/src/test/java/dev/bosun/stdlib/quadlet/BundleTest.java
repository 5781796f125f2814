package dev.bosun.stdlib.quadlet;

import dev.bosun.stdlib.quadlet.bundle.BundleException;
import dev.bosun.stdlib.quadlet.bundle.BundleSection;
import dev.bosun.stdlib.quadlet.bundle.QuadletBundle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BundleTest {
    private static String error(String text) {
        return assertThrows(BundleException.class, () -> QuadletBundle.parse(text, "app.quadlets")).getMessage();
    }

    @Test
    void threeUnitsWithUnitServiceInstallSections() {
        String text = """
                # FileName=web
                [Unit]
                Description=web
                [Container]
                Image=quay.io/x/web
                [Service]
                Restart=always
                [Install]
                WantedBy=default.target
                ---
                [Volume]
                # FileName=data
                ---
                  ---\r
                #   FileName=net
                [NETWORK]
                """;
        List<BundleSection> s = QuadletBundle.parse(text, "app.quadlets");
        assertEquals(3, s.size());
        assertEquals(new BundleSection(1, "web", UnitType.CONTAINER, text.substring(0, text.indexOf("\n---")).strip()), s.get(0));
        assertEquals(new BundleSection(2, "data", UnitType.VOLUME, "[Volume]\n# FileName=data"), s.get(1));
        // Two adjacent separators make no section; [NETWORK] is detected case-insensitively.
        assertEquals(3, s.get(2).number());
        assertEquals(UnitType.NETWORK, s.get(2).type());
        assertEquals("net", s.get(2).fileName());
    }

    @Test
    void blankSectionsCountInSectionNumbers() {
        // Section 1 = units, 2 = blank lines (skipped but counted), 3 = the unit without FileName.
        String text = "# FileName=a\n[Container]\nImage=x\n---\n\n\n---\n[Pod]\n";
        assertEquals("section 3: missing required '# FileName=<name>' comment at the beginning of quadlet section", error(text));
        // A leading separator makes no section.
        assertEquals("section 1: missing required '# FileName=<name>' comment at the beginning of quadlet section",
                error("---\n[Pod]\n"));
        // A single-section file needs FileName too.
        assertEquals("section 1: missing required '# FileName=<name>' comment at the beginning of quadlet section",
                error("[Container]\nImage=x\n"));
    }

    @Test
    void everyErrorText() {
        assertEquals("unable to detect quadlet type in section 2: no recognized quadlet section found (expected [Container], "
                + "[Volume], [Network], [Kube], [Image], [Build], or [Pod])", error("# FileName=a\n[Pod]\n---\n# FileName=b\n[Unit]\n[Service]\n"));
        assertEquals("section 1: FileName comment found but no filename specified", error("#FileName=  \n[Pod]\n"));
        assertEquals("section 1: FileName 'a/b' cannot contain path separators", error("# FileName=a/b\n[Pod]\n"));
        assertEquals("section 1: FileName 'a\\b' cannot contain path separators", error("# FileName=a\\b\n[Pod]\n"));
        assertEquals("no valid quadlet sections found in file app.quadlets", error("---\n   \n---\n"));
        // Type detection runs before FileName: a section with neither reports the type.
        assertEquals("unable to detect quadlet type in section 1: no recognized quadlet section found (expected [Container], "
                + "[Volume], [Network], [Kube], [Image], [Build], or [Pod])", error("Image=x\n"));
        // ';' comments and a space before '=' do not name the file.
        assertEquals("section 1: missing required '# FileName=<name>' comment at the beginning of quadlet section", error("; FileName=a\n[Pod]\n"));
        assertEquals("section 1: missing required '# FileName=<name>' comment at the beginning of quadlet section", error("# FileName =a\n[Pod]\n"));
    }

    @Test
    void detectionRules() {
        assertEquals(UnitType.ARTIFACT, QuadletBundle.parse("# FileName=a\n[[Artifact]]\n", "x").getFirst().type());
        // '----' and '--- x' are not separators.
        assertEquals(1, QuadletBundle.parse("# FileName=a\n[Pod]\n----\n--- x\n", "x").size());
        // The FileName value keeps an extension: web.container installs as web.container.container.
        BundleSection s = QuadletBundle.parse("# FileName=web.container\n[Container]\nImage=x\n", "x").getFirst();
        assertEquals("web.container", s.fileName());
        QuadletUnit u = new QuadletUnit(s.type(), s.fileName(), null, s.text());
        assertEquals("web.container.container", u.fileName());
    }

    @Test
    void renderThenParseGivesTheSameUnits() {
        QuadletModule m = new QuadletModule();
        List<QuadletUnit> units = List.of(
                m.parse(null, "[Container]\nImage=quay.io/x/web\n", new QuadletOptions.Parse("web.container")),
                m.parse(null, "# FileName=data\n[Volume]\n", new QuadletOptions.Parse("data.volume")));
        String text = m.bundleRender(null, units);
        assertEquals("# FileName=web\n[Container]\nImage=quay.io/x/web\n---\n# FileName=data\n[Volume]\n", text);
        List<QuadletUnit> back = m.bundleParse(null, text);
        assertEquals(List.of("web.container", "data.volume"), back.stream().map(QuadletUnit::fileName).toList());
        assertEquals("quay.io/x/web", back.getFirst().file().lookup("Container", "Image").orElseThrow());
        assertThrows(dev.bosun.api.InvalidValueException.class, () -> m.bundleRender(null,
                List.of(m.parse(null, "[Container]\nImage=x\n# ---\n---\n", new QuadletOptions.Parse("a.container")))));
    }
}
