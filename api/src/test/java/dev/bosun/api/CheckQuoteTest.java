package dev.bosun.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckQuoteTest {
    @Test
    void plainValuesAreQuotedAsTheyAre() {
        assertEquals("\"web-1\"", Check.quote("web-1"));
        assertEquals("\"caf\u00e9 \u65e5\u672c \ud83d\ude00\"", Check.quote("caf\u00e9 \u65e5\u672c \ud83d\ude00"));
        assertEquals("null", Check.quote(null));
        assertEquals("\"a\\\"b\\\\c\"", Check.quote("a\"b\\c"));
    }

    @Test
    void controlsBidiAndZeroWidthCharactersAreEscaped() {
        assertEquals("\"a\\nb\\r\\t\\0\\x1b[2J\\x7f\\x85\"", Check.quote("a\nb\r\t\0\u001b[2J\u007f\u0085"));
        assertEquals("\"\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\"",
                Check.quote("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"));
        assertEquals("\"\\u200b\\u200c\\u200d\\u2060\\ufeff\\u2028\\u2029\\xad\"",
                Check.quote("\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u00ad"));
        // Unicode tag characters (invisible text) and a lone surrogate.
        assertEquals("\"\\u{e0041}\\ud800x\"", Check.quote("\udb40\udc41\ud800x"));
    }

    @Test
    void aLongValueShowsAPrefixAndItsLength() {
        String q = Check.quote("y".repeat(16 * 1024 * 1024));
        assertEquals("\"" + "y".repeat(Check.QUOTE_LIMIT) + "\u2026\" (16777216 characters)", q);
        assertEquals("\"" + "y".repeat(80) + "\"", Check.quote("y".repeat(80)));
        // Characters are code points: a pair is never cut in half.
        String emoji = "\ud83d\ude00".repeat(100);
        assertEquals("\"" + "\ud83d\ude00".repeat(80) + "\u2026\" (100 characters)", Check.quote(emoji));
    }

    @Test
    void oneLineEscapesWithoutQuotingAndBounds() {
        assertEquals("say \"hi\" \\ \\n\\u202e", Check.oneLine("say \"hi\" \\ \n\u202e", 100));
        assertEquals("abc\u2026 (6 characters)", Check.oneLine("abcdef", 3));
    }

    @Test
    void bosunExceptionMessagesAreOneBoundedEscapedLine() {
        BosunException e = new BosunException("tool said:\n  line two\u202e\n" + "z".repeat(100_000));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("tool said:; line two\\u202e; zzz"), e.getMessage().substring(0, 40));
        assertTrue(e.getMessage().length() < BosunException.MESSAGE_LIMIT + 40, "length " + e.getMessage().length());
        assertTrue(e.getMessage().endsWith("(100023 characters)"), e.getMessage());
    }

    @Test
    void pathsBeyondTheKernelLimitsAreRefusedWithTheValueQuoted() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> Check.absolutePath("path", "/" + "a".repeat(5000)));
        assertEquals("path \"/" + "a".repeat(79) + "\u2026\" (5001 characters) must be shorter than 4096 bytes (PATH_MAX)",
                e.getMessage());
        e = assertThrows(InvalidValueException.class, () -> Check.absolutePath("path", "/etc/" + "\u00e9".repeat(128)));
        assertTrue(e.getMessage().endsWith("must not have a name longer than 255 bytes (NAME_MAX)"), e.getMessage());
        assertEquals("/etc/" + "a".repeat(255), Check.absolutePath("path", "/etc/" + "a".repeat(255)));
    }
}
