package dev.bosun.stdlib.quadlet.generate;

import dev.bosun.stdlib.quadlet.unit.GoSpace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code encoding/csv} with its default settings, which Podman uses for {@code Mount=} values (and its
 * test harness for comparing them): fields separated by a delimiter, double quotes around a field that
 * holds the delimiter, a quote or a line break, {@code ""} for a quote inside, a bare quote in an unquoted
 * field is an error, empty lines are skipped and every record must have as many fields as the first.
 * Works on UTF-8 bytes so that error columns are Go's.
 */
public final class GoCsv {
    private GoCsv() {
    }

    /** A value Go's reader refuses; the message is Go's ({@code parse error on line 1, column 5: ...}). */
    public static final class CsvException extends Exception {
        private static final long serialVersionUID = 1L;

        CsvException(String message) {
            super(message);
        }
    }

    /** {@code csv.NewReader(strings.NewReader(text))} with {@code Comma = delimiter}, then {@code ReadAll}. */
    public static List<List<String>> readAll(String text, int delimiter) throws CsvException {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == 0xFFFD
                || !Character.isValidCodePoint(delimiter)) {
            throw new CsvException("csv: invalid field or comment delimiter");
        }
        return new Reader(text.getBytes(StandardCharsets.UTF_8), new String(Character.toChars(delimiter))
                .getBytes(StandardCharsets.UTF_8)).readAll();
    }

    /** One record written by {@code csv.Writer} with a comma, without the final newline (Podman's {@code convertToCSV}). */
    public static String writeRecord(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < fields.size(); n++) {
            if (n > 0) {
                out.append(',');
            }
            String f = fields.get(n);
            if (!needsQuotes(f)) {
                out.append(f);
                continue;
            }
            out.append('"');
            for (int i = 0; i < f.length(); i++) {
                char c = f.charAt(i);
                out.append(c == '"' ? "\"\"" : String.valueOf(c));
            }
            out.append('"');
        }
        return out.toString();
    }

    private static boolean needsQuotes(String f) {
        if (f.isEmpty()) {
            return false;
        }
        if (f.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == ',') {
                return true;
            }
        }
        return GoSpace.is(f.codePointAt(0));
    }

    private static final class Reader {
        private final byte[] in;
        private final byte[] comma;
        private int offset;
        private int numLine;
        private int fieldsPerRecord;

        Reader(byte[] in, byte[] comma) {
            this.in = in;
            this.comma = comma;
        }

        List<List<String>> readAll() throws CsvException {
            List<List<String>> records = new ArrayList<>();
            while (true) {
                List<String> r = readRecord();
                if (r == null) {
                    return records;
                }
                records.add(r);
            }
        }

        /** The next line including its {@code \n} (CRLF normalised), or null at the end. */
        private byte[] readLine() {
            if (offset >= in.length) {
                return null;
            }
            int end = offset;
            while (end < in.length && in[end] != '\n') {
                end++;
            }
            boolean newline = end < in.length;
            int stop = newline ? end + 1 : end;
            byte[] line = java.util.Arrays.copyOfRange(in, offset, stop);
            offset = stop;
            numLine++;
            if (!newline && line.length > 0 && line[line.length - 1] == '\r') {
                line = java.util.Arrays.copyOf(line, line.length - 1);
            }
            int n = line.length;
            if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
                line = java.util.Arrays.copyOf(line, n - 1);
                line[n - 2] = '\n';
            }
            return line;
        }

        private static int lengthNL(byte[] b, int from) {
            return b.length > from && b[b.length - 1] == '\n' ? 1 : 0;
        }

        private int indexOf(byte[] b, int from, byte[] needle) {
            outer:
            for (int i = from; i + needle.length <= b.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (b[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i - from;
            }
            return -1;
        }

        private boolean startsWith(byte[] b, int from, byte[] prefix) {
            if (b.length - from < prefix.length) {
                return false;
            }
            for (int j = 0; j < prefix.length; j++) {
                if (b[from + j] != prefix[j]) {
                    return false;
                }
            }
            return true;
        }

        private List<String> readRecord() throws CsvException {
            byte[] line;
            while (true) {
                line = readLine();
                if (line == null) {
                    return null;
                }
                if (line.length == lengthNL(line, 0)) {
                    continue; // empty lines are skipped
                }
                break;
            }
            int recLine = numLine;
            List<String> fields = new ArrayList<>();
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            int p = 0;
            int col = 1;
            int posLine = numLine;
            parse:
            while (true) {
                if (p >= line.length || line[p] != '"') {
                    int i = indexOf(line, p, comma);
                    int end = i >= 0 ? p + i : line.length - lengthNL(line, p);
                    for (int j = p; j < end; j++) {
                        if (line[j] == '"') {
                            throw error(recLine, numLine, col + (j - p), "bare \" in non-quoted-field");
                        }
                    }
                    field.write(line, p, Math.max(0, end - p));
                    fields.add(field.toString(StandardCharsets.UTF_8));
                    field.reset();
                    if (i >= 0) {
                        p += i + comma.length;
                        col += i + comma.length;
                        continue;
                    }
                    break;
                }
                p++;
                col++;
                while (true) {
                    int i = indexOf(line, p, new byte[] {'"'});
                    if (i >= 0) {
                        field.write(line, p, i);
                        p += i + 1;
                        col += i + 1;
                        if (p < line.length && line[p] == '"') {
                            field.write('"');
                            p++;
                            col++;
                        } else if (startsWith(line, p, comma)) {
                            p += comma.length;
                            col += comma.length;
                            fields.add(field.toString(StandardCharsets.UTF_8));
                            field.reset();
                            continue parse;
                        } else if (line.length - p == lengthNL(line, p)) {
                            fields.add(field.toString(StandardCharsets.UTF_8));
                            field.reset();
                            break parse;
                        } else {
                            throw error(recLine, numLine, col - 1, "extraneous or missing \" in quoted-field");
                        }
                    } else if (p < line.length) {
                        field.write(line, p, line.length - p);
                        col += line.length - p;
                        line = readLine();
                        p = 0;
                        if (line == null) {
                            line = new byte[0];
                        } else if (line.length > 0) {
                            posLine++;
                            col = 1;
                        }
                    } else {
                        throw error(recLine, posLine, col, "extraneous or missing \" in quoted-field");
                    }
                }
            }
            if (fieldsPerRecord == 0) {
                fieldsPerRecord = fields.size();
            } else if (fields.size() != fieldsPerRecord) {
                throw new CsvException("record on line " + recLine + ": wrong number of fields");
            }
            return fields;
        }

        private static CsvException error(int startLine, int line, int col, String what) {
            return new CsvException(startLine != line
                    ? "record on line " + startLine + "; parse error on line " + line + ", column " + col + ": " + what
                    : "parse error on line " + line + ", column " + col + ": " + what);
        }
    }
}
