package dev.bosun.stdlib.rootless;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** security.capability values as getfattr -e hex shows them for setcap's output. */
class FileCapabilitiesTest {
    private static FileCapabilities parse(String hex) {
        return FileCapabilities.parse(HexFormat.of().parseHex(hex));
    }

    @Test
    void revision2WithEffectiveSetuid() {
        // setcap cap_setuid=ep: magic 0x02000001, permitted bit 7 (0x80).
        FileCapabilities c = parse("0100000280000000000000000000000000000000");
        assertEquals(2, c.revision());
        assertTrue(c.effective());
        assertTrue(c.grants(FileCapabilities.CAP_SETUID));
        assertFalse(c.grants(FileCapabilities.CAP_SETGID));
    }

    @Test
    void permittedWithoutEffectiveGrantsNothing() {
        FileCapabilities c = parse("0000000280000000000000000000000000000000");
        assertFalse(c.effective());
        assertFalse(c.grants(FileCapabilities.CAP_SETUID));
    }

    @Test
    void revision3OfAnotherUserNamespaceGrantsNothingHere() {
        // rootid 100000: made by root of a user namespace; the kernel honours it only inside that namespace.
        FileCapabilities c = parse("0100000380000000000000000000000000000000a0860100");
        assertEquals(3, c.revision());
        assertEquals(100000, c.rootId());
        assertFalse(c.grants(FileCapabilities.CAP_SETUID));
        assertTrue(parse("010000034000000000000000000000000000000000000000").grants(FileCapabilities.CAP_SETGID));
    }

    @Test
    void unknownRevisionsAndWrongSizesAreNotCapabilities() {
        assertNull(FileCapabilities.parse(null));
        assertNull(parse("0100"));
        assertNull(parse("01000002800000000000000000000000"));
        assertNull(parse("0100000980000000000000000000000000000000"));
        assertTrue(parse("010000018000000000000000").grants(FileCapabilities.CAP_SETUID));
    }
}
