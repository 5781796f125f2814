package dev.bosun.shell.render;

import dev.bosun.shell.render.ValueTree.Scalar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layout of results as plain data: tables that fit a width, nested values as blocks, colour that keeps alignment. */
class ValueRendererTest {
    private static Scalar num(long n) {
        return new Scalar(Long.toString(n), Scalar.Kind.NUMBER);
    }

    private static Scalar bool(boolean b) {
        return new Scalar(Boolean.toString(b), Scalar.Kind.BOOLEAN);
    }

    /** An ordered map from key, value pairs. */
    private static Map<String, Object> rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> user(String name, long uid) {
        return rec("name", name, "uid", num(uid), "gid", num(uid), "group", name, "comment", "",
                "home", "/home/" + name, "shell", "/bin/bash", "system", bool(false), "groups", List.of());
    }

    private static final String ANSI = "\033\\[[0-9;]*m";

    @Test
    void aTableThatFitsKeepsItsNaturalWidths() {
        String out = ValueRenderer.render(List.of(rec("a", "x", "bb", num(1)), rec("a", "yyy", "bb", num(22))), 80,
                Palette.NONE);
        assertEquals("""
                a    bb
                ---  --
                x    1
                yyy  22
                (2 rows)""", out);
    }

    @Test
    void usersAtEightyColumnsKeepOneHeaderLine() {
        String out = ValueRenderer.render(List.of(user("cloudsdk", 1000), user("alice", 1001)), 80, Palette.NONE);
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("name ") && lines[0].endsWith("groups"), out);
        assertTrue(lines[1].startsWith("-"), "the second line is the rule, so the header did not wrap:\n" + out);
        assertTrue(lines[2].contains("/home/cloudsdk"), "the empty comment column made room:\n" + out);
        assertFalse(lines[0].contains("comment"), out);
        for (String l : lines) {
            assertTrue(l.length() <= 80, l);
        }
    }

    @Test
    void columnsShrinkAndTheirCellsWrapWithinTheWidth() {
        String detail = "open(O_RDWR) succeeded as root (uid 0): root bypasses the permission bits";
        String out = ValueRenderer.render(List.of(rec("id", "accessible", "status", "pass", "detail", detail)), 50,
                Palette.NONE);
        for (String l : out.split("\n")) {
            assertTrue(l.length() <= 50, l);
        }
        assertTrue(out.startsWith("id          status  detail\n"), out);
        assertEquals(detail, String.join(" ", out.lines().skip(2).filter(l -> !l.startsWith("("))
                .map(l -> l.substring(20).strip()).toList()), "every word is there, in order:\n" + out);
    }

    @Test
    void aTableTooNarrowForItsColumnsBecomesOneBlockPerRow() {
        String out = ValueRenderer.render(List.of(user("alice", 1001)), 30, Palette.NONE);
        assertTrue(out.startsWith("[0]\n  name     alice\n  uid      1001\n"), out);
    }

    @Test
    void manyRowsTooWideKeepTheFirstColumnsAndSayWhichWent() {
        List<Object> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(user("user" + i, 1000 + i));
        }
        String out = ValueRenderer.render(users, 50, Palette.NONE);
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("name   uid   gid   group  ") && lines[1].startsWith("-----"), out);
        assertTrue(out.contains("\n(not shown for want of width: system, groups;\nindex a row, e.g. [0], to see all of its fields)\n(5 rows)"), out);
        for (String l : lines) {
            assertTrue(l.length() <= 50, l);
        }
    }

    @Test
    void withoutAWidthNothingWrapsOrIsCut() {
        String long1 = "x".repeat(120);
        String out = ValueRenderer.render(List.of(rec("a", long1, "b", "two\nlines")), ValueRenderer.UNBOUNDED,
                Palette.NONE);
        assertEquals("a" + " ".repeat(119) + "  b\n" + "-".repeat(120) + "  ----------\n" + long1 + "  two\\nlines\n(1 row)",
                out);
    }

    @Test
    void nestedValuesAreIndentedBlocksAndTablesNotLiterals() {
        Map<String, Object> result = rec("ok", bool(true),
                "checks", List.of(rec("id", "exists", "status", "pass", "hint", Scalar.NULL),
                        rec("id", "tun", "status", "warn", "hint", "modprobe tun")),
                "apiVersion", num(12),
                "capabilities", rec("IRQCHIP", num(1), "HLT", num(1)));
        String out = ValueRenderer.render(result, 80, Palette.NONE);
        assertEquals("""
                ok          true
                apiVersion  12
                checks:
                  id      status  hint
                  ------  ------  ------------
                  exists  pass
                  tun     warn    modprobe tun
                capabilities:
                  IRQCHIP  1
                  HLT      1""", out);
        assertEquals(out, ValueRenderer.render(result, ValueRenderer.UNBOUNDED, Palette.NONE), "same without a width");
    }

    @Test
    void aRecordThatCarriesATextShowsItAndSummarisesItsStructure() {
        Map<String, Object> unit = rec("type", "container", "name", "web",
                "sections", List.of(rec("name", "Container", "entries", List.of(rec("key", "Image", "value", "nginx")))),
                "text", "[Container]\nImage=nginx\n");
        assertEquals("""
                type      container
                name      web
                sections  [table 1 row]
                text:
                  [Container]
                  Image=nginx""", ValueRenderer.render(unit, 80, Palette.NONE));
    }

    @Test
    void listsOfWordsAreJoinedInCellsAndListedWhenLong() {
        assertEquals("name  groups\n----  ------------\nbob   wheel, docker\n(1 row)".replace("------------", "-------------"),
                ValueRenderer.render(List.of(rec("name", "bob", "groups", List.of("wheel", "docker"))), 80, Palette.NONE));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add("group" + i);
        }
        String out = ValueRenderer.render(rec("user", "bob", "groups", many), 60, Palette.NONE);
        assertTrue(out.startsWith("user  bob\ngroups:\n  - group0\n  - group1\n"), out);
    }

    @Test
    void colourWrapsWordsButNeverMovesAColumn() {
        List<Object> rows = List.of(rec("id", "exists", "status", "pass", "n", num(1)),
                rec("id", "tun", "status", "fail", "n", num(2)));
        String plain = ValueRenderer.render(rows, 80, Palette.NONE);
        String coloured = ValueRenderer.render(rows, 80, Palette.ANSI);
        assertTrue(coloured.contains("\033[32mpass\033[0m") && coloured.contains("\033[31mfail\033[0m"), coloured);
        assertEquals(plain, coloured.replaceAll(ANSI, ""));
        assertEquals("ok  " + "\033[31mfalse\033[0m", ValueRenderer.render(rec("ok", bool(false)), 80, Palette.ANSI));
    }

    @Test
    void topLevelListsOfWordsArePrintedOnePerLineAndEmptyThingsSaySo() {
        assertEquals("a\nb", ValueRenderer.render(List.of("a", "b"), 80, Palette.NONE));
        assertEquals("(empty)", ValueRenderer.render(List.of(), 80, Palette.NONE));
        assertEquals("{}", ValueRenderer.render(rec(), 80, Palette.NONE));
        assertEquals("42", ValueRenderer.render(num(42), 80, Palette.NONE));
    }

    @Test
    void aLongTableIsCutWithAPointerToJson() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            rows.add(rec("n", num(i)));
        }
        String out = ValueRenderer.render(rows, ValueRenderer.UNBOUNDED, Palette.NONE);
        assertTrue(out.endsWith("499\n... 1 more rows (use --json for all)\n(501 rows)"), out);
    }
}
