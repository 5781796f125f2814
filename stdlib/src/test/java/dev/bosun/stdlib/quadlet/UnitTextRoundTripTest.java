package dev.bosun.stdlib.quadlet;

import dev.bosun.api.InvalidValueException;
import dev.bosun.stdlib.quadlet.unit.UnitEntry;
import dev.bosun.stdlib.quadlet.unit.UnitFile;
import dev.bosun.stdlib.quadlet.unit.UnitSection;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The text Bosun writes for a unit is the unit that was validated: for any sections, rendering either
 * refuses (an {@link InvalidValueException} naming the value) or produces text that Podman's grammar reads
 * back as exactly those sections (names in order, each section's keys and values in order). Checked over
 * hostile values (trailing backslashes, line breaks, CR, NUL, comment characters at the start of a
 * continuation, surrounding blanks, brackets) put into every place a unit carries text: fresh values, kept
 * source text ({@code raw}), comments and section names, each followed by an entry that must survive.
 */
class UnitTextRoundTripTest {
    private static final List<String> FRAGMENTS = List.of("", "A=1", "x", " ", "\t", "\\", "\\\\", "\n", "\r", "\r\n",
            "\0", "#", ";", "[", "]", "[Service]", "=", "\"", "'", "%h", "\u00a0", "\u0085", "\u2028", "\n#c\n", "\\\n",
            "\\\n# c", "\\\n; c\n", "\nReadOnly=false");

    @Test
    void aKeptSourceTextEndingInABackslashCannotSwallowTheNextEntry() {
        // The reported attack: validates as Environment=A=1 then ReadOnly=true, was written as one line.
        List<UnitSection> sections = List.of(UnitSection.of("Container", List.of(UnitEntry.of("Image", "x"),
                new UnitEntry("Environment", "A=1", null, "Environment=A=1\\"), UnitEntry.of("ReadOnly", "true"))));
        String text = new QuadletUnit(UnitType.CONTAINER, "web", sections, null).text();
        UnitFile read = UnitFile.parse(text);
        assertEquals(List.of("A=1"), read.lookupAll("Container", "Environment"));
        assertEquals("true", read.lookupLast("Container", "ReadOnly").orElseThrow());
        assertEquals(meaning(sections), meaning(read.sections()));
    }

    @Test
    void aKeptSourceTextCannotCarryAHeader() {
        List<UnitSection> sections = List.of(UnitSection.of("Container", List.of(
                new UnitEntry("ExecStartPre", "/bin/evil", null, "[Service]\nExecStartPre=/bin/evil\n"),
                UnitEntry.of("Image", "x"))));
        String text = new QuadletUnit(UnitType.CONTAINER, "web", sections, null).text();
        assertEquals(List.of("Container"), UnitFile.parse(text).groupNames(), text);
        assertEquals(meaning(sections), meaning(UnitFile.parse(text).sections()));
    }

    @Test
    void aParsedFileEndingInAContinuationStillRendersByteForByte() {
        for (String text : List.of("[A]\nK=v\\", "[A]\nK=v\\\n", "[A]\nK=v\\\n# dropped")) {
            assertEquals(text, UnitFile.parse(text).render());
        }
        // Once something follows it, the kept text is not reused: the entry is written as it reads.
        UnitFile f = UnitFile.parse("[A]\nK=v\\");
        List<UnitSection> more = new ArrayList<>(f.sections());
        more.add(UnitSection.of("B", List.of(UnitEntry.of("L", "w"))));
        String text = new UnitFile(more).render();
        assertEquals("[A]\nK=v\n\n[B]\nL=w\n", text);
    }

    @Test
    void crNulAndLineBreaksAreRefusedEvenInKeptSourceText() {
        for (String v : List.of("a\rb", "a\0b", "a\nb")) {
            List<UnitSection> s = List.of(UnitSection.of("Container",
                    List.of(new UnitEntry("Label", v, null, "Label=" + v + "\n"))));
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new UnitFile(s).render(), v);
            assertEquals("sections[\"Container\"].Label", e.parameter(), e.getMessage());
        }
    }

    @Test
    void everyHostileValueInEveryPlaceRoundTripsOrIsRefused() {
        List<String> values = new ArrayList<>(FRAGMENTS);
        for (String a : FRAGMENTS) {
            for (String b : FRAGMENTS) {
                values.add(a + b);
            }
        }
        Random random = new Random(12);
        for (int i = 0; i < 3000; i++) {
            StringBuilder v = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                v.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            values.add(v.toString());
        }
        int written = 0;
        int refused = 0;
        for (String v : values) {
            for (Function<String, List<UnitSection>> place : PLACES) {
                List<UnitSection> sections;
                try {
                    sections = place.apply(v);
                } catch (InvalidValueException e) {
                    refused++; // a record refused the value before any rendering
                    continue;
                }
                String text;
                try {
                    text = new UnitFile(sections).render();
                } catch (InvalidValueException e) {
                    refused++;
                    continue;
                }
                written++;
                UnitFile read = UnitFile.parse(text);
                assertEquals(meaning(sections), meaning(read.sections()), () -> "value " + escape(v) + " wrote\n" + text);
                assertEquals(text, read.render(), () -> "value " + escape(v) + " does not re-render");
            }
        }
        System.out.println("unit round trip: " + written + " written and read back the same, " + refused + " refused");
    }

    /** Each place a unit carries text, with the hostile value there and a known entry after it. */
    private static final List<Function<String, List<UnitSection>>> PLACES = List.of(
            v -> container(UnitEntry.of("Environment", v)),
            v -> container(new UnitEntry("Environment", v, null, "Environment=" + v)),
            v -> container(new UnitEntry("Environment", v, null, "Environment=" + v + "\n")),
            v -> container(new UnitEntry("Environment", "A=1", null, v)),
            v -> container(new UnitEntry("Environment", "A=1", null, "Environment=A=1" + v)),
            v -> container(UnitEntry.comment(v)),
            v -> container(new UnitEntry(null, v, null, v)),
            v -> container(new UnitEntry(null, "# c", null, "# c" + v)),
            v -> List.of(UnitSection.of(v, List.of(UnitEntry.of("Image", "x"))),
                    UnitSection.of("Service", List.of(UnitEntry.of("ReadOnly", "true")))),
            v -> List.of(new UnitSection("Container", null, "[Container]" + v, List.of(UnitEntry.of("Image", "x"))),
                    UnitSection.of("Service", List.of(UnitEntry.of("ReadOnly", "true")))),
            v -> List.of(UnitSection.of("", List.of(new UnitEntry(null, "", null, v))),
                    UnitSection.of("Container", List.of(UnitEntry.of("ReadOnly", "true")))));

    private static List<UnitSection> container(UnitEntry hostile) {
        return List.of(UnitSection.of("Container", List.of(UnitEntry.of("Image", "x"), hostile,
                UnitEntry.of("ReadOnly", "true"))), UnitSection.of("Service", List.of(UnitEntry.of("Restart", "always"))));
    }

    /** What Podman reads: named sections in order, each with its key=value assignments in order. */
    private static List<String> meaning(List<UnitSection> sections) {
        List<String> out = new ArrayList<>();
        for (UnitSection s : sections) {
            if (s.name().isEmpty()) {
                continue;
            }
            out.add("[" + s.name() + "]");
            for (UnitEntry e : s.entries()) {
                if (e.isAssignment()) {
                    out.add(e.key() + "=" + e.value());
                }
            }
        }
        return out;
    }

    private static String escape(String v) {
        return dev.bosun.api.Check.quote(v);
    }
}
