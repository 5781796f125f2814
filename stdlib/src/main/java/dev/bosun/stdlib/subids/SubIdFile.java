package dev.bosun.stdlib.subids;

import dev.bosun.api.Fs;
import dev.bosun.stdlib.users.ShadowNumber;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * etc/subuid or etc/subgid as lines, kept byte for byte: comments, blank and unparsable lines and a
 * missing final newline all survive a read and write. Bytes are held as ISO-8859-1 text so that any
 * byte sequence round-trips. Parsing follows shadow-utils 4.13's {@code subordinate_parse}: at least
 * three {@code :}-separated fields (extra ones are ignored, as shadow does), non-empty, start and count
 * read with {@code strtoul} base 0, lines of 1024 bytes or more rejected. Which lines shadow accepts
 * matters, because every accepted line blocks allocation whoever owns it.
 */
public final class SubIdFile {
    private static final int SHADOW_LINE_MAX = 1024;

    /** The UTF-8 byte-order mark as the ISO-8859-1 text the file is held in. */
    private static final String BOM = "\u00ef\u00bb\u00bf";

    /**
     * One line: its text without terminator, whether it had a newline, its parse (null when shadow rejects it),
     * and, for a line shadow rejects only for a blemish a person cannot see (a DOS line end, a byte-order mark,
     * blanks around the fields), the range the person reading the file sees, with that blemish named.
     */
    record Line(String text, boolean newline, SubIdRange range, SubIdRange visible, String blemish) {
        Line(String text, boolean newline, SubIdRange range) {
            this(text, newline, range, null, null);
        }

        /** The range this line takes away from allocation: shadow's, or the one a person sees. */
        SubIdRange occupied() {
            return range != null ? range : visible;
        }
    }

    private final SubIdKind kind;
    private final List<Line> lines;

    private SubIdFile(SubIdKind kind, List<Line> lines) {
        this.kind = kind;
        this.lines = List.copyOf(lines);
    }

    /** The root's file; a missing file is an empty one. */
    public static SubIdFile read(Fs fs, SubIdKind kind) {
        return fs.exists(kind.path()) ? parse(kind, fs.readBytes(kind.path())) : parse(kind, new byte[0]);
    }

    public static SubIdFile parse(SubIdKind kind, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Line> lines = new ArrayList<>();
        int pos = 0;
        int number = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String body = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            number++;
            lines.add(line(kind, body, nl >= 0, number));
            pos = nl < 0 ? text.length() : nl + 1;
        }
        return new SubIdFile(kind, lines);
    }

    /**
     * A line as shadow reads it and as a person reads it. shadow-utils skips {@code alice:100000:65536\r} (a DOS
     * line end makes the count unparsable), so useradd would hand that range to someone else while anyone looking
     * at the file sees it taken: Bosun keeps such ranges out of every allocation and reports the blemish. A
     * byte-order mark makes shadow read the owner as {@code \ufeffalice}: the range still blocks allocation, but
     * belongs to nobody; that is reported too.
     */
    private static Line line(SubIdKind kind, String body, boolean newline, int number) {
        SubIdRange strict = parseRange(kind, body, number);
        String blemish = blemish(body);
        SubIdRange visible = strict != null || blemish == null ? null : parseRange(kind, cleaned(body), number);
        boolean matters = visible != null || strict != null && body.startsWith(BOM);
        return matters ? new Line(body, newline, strict, visible, blemish) : new Line(body, newline, strict);
    }

    private static String blemish(String body) {
        if (body.startsWith(BOM)) {
            return "starts with a byte-order mark";
        }
        if (body.endsWith("\r")) {
            return "ends in a carriage return (a DOS line end)";
        }
        if (!body.isEmpty() && body.strip().length() != body.length() || body.matches(".*[ \t]:.*|.*:[ \t].*")) {
            return "has blanks around its fields";
        }
        return null;
    }

    private static String cleaned(String body) {
        String s = body.startsWith(BOM) ? body.substring(BOM.length()) : body;
        StringBuilder out = new StringBuilder();
        for (String field : s.split(":", -1)) {
            if (!out.isEmpty()) {
                out.append(':');
            }
            out.append(field.strip());
        }
        return out.toString();
    }

    static SubIdRange parseRange(SubIdKind kind, String body, int number) {
        int nul = body.indexOf('\0');
        String s = nul >= 0 ? body.substring(0, nul) : body; // C string semantics: the line ends at NUL
        if (s.length() >= SHADOW_LINE_MAX) {
            return null;
        }
        int c1 = s.indexOf(':');
        int c2 = c1 < 0 ? -1 : s.indexOf(':', c1 + 1);
        if (c2 < 0) {
            return null;
        }
        int c3 = s.indexOf(':', c2 + 1);
        String owner = s.substring(0, c1);
        String start = s.substring(c1 + 1, c2);
        String count = s.substring(c2 + 1, c3 < 0 ? s.length() : c3);
        if (owner.isEmpty() || start.isEmpty() || count.isEmpty()) {
            return null;
        }
        OptionalLong st = ShadowNumber.parse(start);
        OptionalLong ct = ShadowNumber.parse(count);
        if (st.isEmpty() || ct.isEmpty()) {
            return null;
        }
        return new SubIdRange(kind, owner, st.getAsLong(), ct.getAsLong(), number);
    }

    public SubIdKind kind() {
        return kind;
    }

    List<Line> lines() {
        return lines;
    }

    /** Every line shadow-utils accepts, in file order. */
    public List<SubIdRange> ranges() {
        return lines.stream().map(Line::range).filter(r -> r != null).toList();
    }

    /**
     * Every range that is not free to hand out: shadow's ranges plus those a person sees on lines shadow skips
     * for a blemish ({@link #line}). Allocation never places a range over any of them.
     */
    public List<SubIdRange> occupied() {
        return lines.stream().map(Line::occupied).filter(r -> r != null).toList();
    }

    /** The ranges that belong to a user: by name, or (as newuidmap accepts for /etc/subuid) by numeric uid. */
    public List<SubIdRange> rangesOf(String user, long uid) {
        String numeric = Long.toString(uid);
        return ranges().stream().filter(r -> r.owner().equals(user) || r.owner().equals(numeric)).toList();
    }

    /** The exact bytes of the file. */
    public byte[] render() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text());
            if (l.newline()) {
                sb.append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * This file plus {@code owner:start:count} at the end. Unlike useradd, which re-sorts the whole file as a
     * side effect of its search, existing lines stay where they are, so a diff shows exactly one added line.
     */
    public SubIdFile append(String owner, long start, long count) {
        List<Line> out = new ArrayList<>(lines);
        if (!out.isEmpty() && !out.getLast().newline()) {
            Line last = out.removeLast();
            out.add(new Line(last.text(), true, last.range(), last.visible(), last.blemish()));
        }
        String text = owner + ":" + Long.toUnsignedString(start) + ":" + Long.toUnsignedString(count);
        out.add(new Line(text, true, new SubIdRange(kind, owner, start, count, out.size() + 1)));
        return new SubIdFile(kind, out);
    }

    /** This file without the parsed lines the predicate selects; everything else is byte-identical. */
    public SubIdFile without(Predicate<SubIdRange> drop) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (l.occupied() == null || !drop.test(l.occupied())) {
                out.add(l);
            }
        }
        return new SubIdFile(kind, renumber(out));
    }

    private List<Line> renumber(List<Line> in) {
        List<Line> out = new ArrayList<>(in.size());
        for (Line l : in) {
            int number = out.size() + 1;
            out.add(new Line(l.text(), l.newline(), renumbered(l.range(), number), renumbered(l.visible(), number),
                    l.blemish()));
        }
        return out;
    }

    private SubIdRange renumbered(SubIdRange r, int number) {
        return r == null ? null : new SubIdRange(kind, r.owner(), r.start(), r.count(), number);
    }
}
