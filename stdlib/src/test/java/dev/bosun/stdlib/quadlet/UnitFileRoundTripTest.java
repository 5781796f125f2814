package dev.bosun.stdlib.quadlet;

import dev.bosun.stdlib.quadlet.spec.SpecCodec;
import dev.bosun.stdlib.quadlet.spec.UnitSpec;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitSyntaxException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitFileRoundTripTest {
    @Test
    void everyCorpusFileRendersByteForByte() throws Exception {
        List<Path> files = QuadletCorpus.files();
        assertTrue(files.size() >= 230, "corpus files: " + files.size());
        for (Path p : files) {
            String text = Files.readString(p);
            UnitFile f = UnitFile.parse(text);
            assertEquals(text, f.render(), p.toString());
            // Through the script-facing record too (sections only; text is re-rendered).
            UnitType t = UnitType.ofFileName(p.getFileName().toString());
            if (t != null) {
                QuadletUnit u = new QuadletUnit(t, p.getFileName().toString(), f.sections(), null);
                assertEquals(text, u.text(), p.toString());
            }
        }
    }

    @Test
    void typedSpecsAreAFixpointForEveryCoveredFile() throws Exception {
        int covered = 0;
        List<String> notCovered = new ArrayList<>();
        for (Path p : QuadletCorpus.files()) {
            UnitType t = UnitType.ofFileName(p.getFileName().toString());
            if (t == null) {
                continue;
            }
            String name = UnitName.check("name", p.getFileName().toString(), t);
            UnitFile f = UnitFile.parse(Files.readString(p));
            UnitSpec spec;
            try {
                spec = SpecCodec.fromUnitFile(f, t, name);
            } catch (SpecCodec.NotRepresentableException e) {
                notCovered.add(p.getFileName() + ": " + e.getMessage());
                continue;
            }
            String rendered = SpecCodec.toUnitFile(spec).render();
            UnitSpec again = SpecCodec.fromUnitFile(UnitFile.parse(rendered), t, name);
            assertEquals(spec, again, p + "\n" + rendered);
            assertEquals(rendered, SpecCodec.toUnitFile(again).render());
            covered++;
        }
        System.out.println("typed model covers " + covered + " corpus units; not covered: " + notCovered.size());
        notCovered.forEach(s -> System.out.println("  " + s));
        assertTrue(covered >= 200, "covered " + covered);
    }

    @Test
    void lookupSemanticsFollowPodman() {
        UnitFile f = UnitFile.parse("""
                [Container]
                Environment=A=1
                Environment=B=2
                Environment=
                Environment=C=3
                Image="quoted"  \s
                Label=x \\
                  # a comment inside a continuation is dropped
                  y
                [Service]
                Restart=always
                [Container]
                Environment=D=4
                """);
        assertEquals(List.of("C=3", "D=4"), f.lookupAll("Container", "Environment"));
        assertEquals("D=4", f.lookupLast("Container", "Environment").orElseThrow());
        assertEquals("quoted", f.lookup("Container", "Image").orElseThrow());
        assertEquals("x y", f.lookupLast("Container", "Label").orElseThrow());
        assertEquals(7, f.lastEntry("Container", "Label").orElseThrow().line());
        assertTrue(f.lookupLast("Container", "Nope").isEmpty());
        assertEquals(List.of(), f.lookupAll("Nope", "Image"));
    }

    @Test
    void syntaxErrorsUsePodmansWords() {
        UnitSyntaxException e = assertThrows(UnitSyntaxException.class, () -> UnitFile.parse("Image=x\n"));
        assertEquals("key file does not start with a group", e.reason());
        e = assertThrows(UnitSyntaxException.class, () -> UnitFile.parse("[Container]\njunk\n"));
        assertEquals("file contains line 2: \u201cjunk\u201d which is not a key-value pair, group, or comment", e.reason());
        assertEquals(2, e.line());
        e = assertThrows(UnitSyntaxException.class, () -> UnitFile.parse("[]\n"));
        assertEquals("invalid group name: ", e.reason());
    }

    @Test
    void crlfAndMissingFinalNewlineSurvive() {
        for (String text : List.of("[Pod]\r\nHostName=a\r\n", "[Container]\nImage=x", "", "\n", "# only\n\n", "[A]\nK=v\\")) {
            assertEquals(text, UnitFile.parse(text).render());
        }
        assertFalse(UnitFile.parse("[A]\nK=v\\").lookupLast("A", "K").orElseThrow().endsWith("\\"));
    }
}
