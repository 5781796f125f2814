package dev.bosun.shell.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wrapping, column fitting and the --color decision. */
class TextLayoutTest {
    @Test
    void wrapsAtSpacesThenAfterSeparatorsThenHard() {
        assertEquals(List.of("one two", "three"), TextWrap.wrap("one two three", 8));
        assertEquals(List.of("/home/", "cloudsdk"), TextWrap.wrap("/home/cloudsdk", 12));
        assertEquals(List.of("abcd", "efgh", "ij"), TextWrap.wrap("abcdefghij", 4));
        assertEquals(List.of("a", "", "b"), TextWrap.wrap("a\n\nb", 10));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        assertEquals(4, TextWrap.width("日本"));
        assertEquals(List.of("日本", "語"), TextWrap.wrap("日本語", 5));
        assertEquals("日本 ", TextWrap.pad("日本", 5));
    }

    @Test
    void columnsShrinkWidestFirstAndNeverBelowTheirMinimum() {
        assertArrayEquals(new int[] {3, 4}, TableLayout.fit(new int[] {3, 4}, new int[] {3, 4}, 80));
        // 2 + 2 separators; 30 - 4 = 26 for the columns: the widest gives way.
        assertArrayEquals(new int[] {5, 10, 11}, TableLayout.fit(new int[] {5, 10, 40}, new int[] {5, 6, 6}, 30));
        assertNull(TableLayout.fit(new int[] {20, 20}, new int[] {20, 20}, 30));
    }

    @Test
    void colourFollowsTheFlagThenNoColorThenTheTerminal() {
        Map<String, String> none = Map.of("TERM", "xterm");
        Map<String, String> noColor = Map.of("TERM", "xterm", "NO_COLOR", "1");
        assertTrue(ColorMode.AUTO.enabled(true, none));
        assertFalse(ColorMode.AUTO.enabled(false, none), "not a terminal");
        assertFalse(ColorMode.AUTO.enabled(true, noColor), "NO_COLOR");
        assertTrue(ColorMode.AUTO.enabled(true, Map.of("TERM", "xterm", "NO_COLOR", "")), "NO_COLOR empty counts as unset");
        assertFalse(ColorMode.AUTO.enabled(true, Map.of("TERM", "dumb")));
        assertTrue(ColorMode.ALWAYS.enabled(false, noColor), "the flag is the user's explicit word");
        assertFalse(ColorMode.NEVER.enabled(true, none));
    }
}
