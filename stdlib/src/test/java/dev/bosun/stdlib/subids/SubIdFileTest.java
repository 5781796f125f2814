package dev.bosun.stdlib.subids;

import dev.bosun.stdlib.users.ShadowNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SubIdFileTest {
    private static final String WORKED_EXAMPLE = """
            ghost:100000:65536
            x:165536:1000
            1234:200000:65536
            bob:150000:10
            # comment line
            garbage
            """;

    @Test
    void roundTripsArbitraryBytes() {
        byte[] in = "a:1:2\r\n# c\n\n\u00ff\u00fe:x\nno-newline:5:6".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(in, SubIdFile.parse(SubIdKind.UID, in).render());
        byte[] empty = new byte[0];
        assertArrayEquals(empty, SubIdFile.parse(SubIdKind.UID, empty).render());
    }

    @Test
    void appendKeepsEveryOtherByteAndTerminatesALastLineWithoutNewline() {
        SubIdFile f = SubIdFile.parse(SubIdKind.UID, "# keep\na:1:2".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("# keep\na:1:2\nnew:100000:65536\n",
                new String(f.append("new", 100000, 65536).render(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void parsesLikeShadow() {
        assertEquals(100000, SubIdFile.parseRange(SubIdKind.UID, "a:0x186a0:10", 1).start());
        assertEquals(32768, SubIdFile.parseRange(SubIdKind.UID, "a:0100000:10", 1).start());
        assertEquals(10, SubIdFile.parseRange(SubIdKind.UID, "d:231072:10:99", 1).count()); // extra field ignored
        assertEquals("# c", SubIdFile.parseRange(SubIdKind.UID, "# c:5:6", 1).owner());
        assertEquals(-1L, SubIdFile.parseRange(SubIdKind.UID, "b:1:-1", 1).count());
        assertEquals(296608, SubIdFile.parseRange(SubIdKind.UID, "e: 296608:10", 1).start());
        for (String bad : List.of("", "garbage", "a:1", "a:1:", ":1:2", "a::2", "a:1:2 ", "a:1:2\r", "a:08:1",
                "a:0x:1", "a:+:1", "a:1:99999999999999999999", "a:" + "0".repeat(1020) + "1:2")) {
            assertNull(SubIdFile.parseRange(SubIdKind.UID, bad, 1), bad);
        }
    }

    @Test
    void shadowNumbers() {
        assertEquals(OptionalLong.of(-1L), ShadowNumber.parse("18446744073709551615"));
        assertEquals(OptionalLong.empty(), ShadowNumber.parse("18446744073709551616"));
        assertEquals(OptionalLong.of(255), ShadowNumber.parse("0XfF"));
        assertEquals(OptionalLong.of(0), ShadowNumber.parse("0"));
        assertEquals(OptionalLong.empty(), ShadowNumber.parse(" "));
    }

    @Test
    void firstFitOnTheReferenceWorkedExample() {
        SubIdFile f = SubIdFile.parse(SubIdKind.UID, WORKED_EXAMPLE.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(OptionalLong.of(265536), FirstFit.find(f.ranges(), 100000, 600100000, 65536));
        assertEquals(OptionalLong.of(500000), FirstFit.find(f.ranges(), 500000, 600100000, 1000));
        assertEquals(OptionalLong.of(166536), FirstFit.find(f.ranges(), 100000, 600100000, 1000));
        assertEquals(OptionalLong.empty(), FirstFit.find(f.ranges(), 100000, 300000, 65536));
    }

    @Test
    void idMapMatchesQuadletmansWorkedExample() {
        assertEquals(List.of("0:0:1", "1:2:32", "33:34:1", "34:35:966", "1000:1001:1", "1001:1002:64535"),
                IdMap.entries(new java.util.TreeSet<>(List.of(33, 1000))));
        assertEquals(List.of("0:0:1", "1:2:65535"), IdMap.entries(new java.util.TreeSet<>()));
        assertEquals(List.of("0:0:1", "1:2:65534", "65535:65536:1"), IdMap.entries(new java.util.TreeSet<>(List.of(65535))));
    }
}
