package dev.bosun.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one rule for what Bosun treats as a secret. The audit trail and plans both apply it, so a value that
 * is masked in one is masked in the other; plugins that store or print values can use it too.
 *
 * <p><b>Secret-like names.</b> A name is split into word parts at every character that is not a letter or
 * digit and at camelCase humps ({@code DB_PASSWORD} → DB, PASSWORD; {@code apiKey} → api, Key;
 * {@code APIKey} → API, Key; {@code X-Auth-Token} → X, Auth, Token). The name is secret-like when a part
 * equals, ignoring case, one of: PASSWORD, PASSWD, PASS, PWD, PASSPHRASE, SECRET, SECRETS, TOKEN, TOKENS,
 * KEY, KEYS, APIKEY, PRIVKEY, PRIVATEKEY, CREDENTIAL, CREDENTIALS, CREDS, AUTH, AUTHORIZATION, COOKIE.
 * A part must equal the word: {@code API_KEY}, {@code PRIVATE_KEY}, {@code KEY}, {@code sshKeys} are
 * secret-like, {@code MONKEY}, {@code KEYBOARD}, {@code PASSAGE}, {@code AUTHOR} are not. Two exceptions:
 * a name whose last part is FILE, PATH or DIR says where a secret is kept, not the secret
 * ({@code POSTGRES_PASSWORD_FILE}, {@code AuthFile}), and {@code PWD}/{@code OLDPWD} are the shell's
 * working directories; neither is secret-like.
 *
 * <p><b>Secret values in text.</b> In any text (unit files, their entries, bundles, error messages, diff
 * lines), every {@code NAME=value} (also {@code NAME = value}) whose NAME is secret-like keeps the name and
 * loses the value: {@code Environment=POSTGRES_PASSWORD=x} becomes {@code Environment=POSTGRES_PASSWORD=***},
 * {@code Environment="A=1" "DB_TOKEN=y z"} becomes {@code Environment="A=1" "DB_TOKEN=***"}. The value ends
 * where the word ends: at its closing quote when it is quoted or sits inside a quoted word; at the end of
 * the line when the name starts the line (an environment file or ini line); otherwise at white space, a
 * quote, {@code ,}, {@code ;} or {@code &}. A unit's {@code Secret=} entry names a Podman secret as its
 * source: the source is masked and the options kept ({@code Secret=***,type=env,target=DB_PASSWORD}); so is
 * the source of the {@code --secret} argument that entry becomes in a podman command line
 * ({@code --secret ***,type=env,target=DB_PASSWORD}, also {@code --secret=***}).
 */
public final class Secrets {
    /** What a secret value is replaced with. */
    public static final String MASK = "***";

    private static final Set<String> WORDS = Set.of("password", "passwd", "pass", "pwd", "passphrase", "secret",
            "secrets", "token", "tokens", "key", "keys", "apikey", "privkey", "privatekey", "credential",
            "credentials", "creds", "auth", "authorization", "cookie");
    private static final Set<String> LOCATION_WORDS = Set.of("file", "path", "dir");
    private static final Set<String> NOT_SECRET = Set.of("pwd", "oldpwd");

    private Secrets() {
    }

    /** True when the name is secret-like by the rule above. */
    public static boolean isSecretName(String name) {
        if (name == null || NOT_SECRET.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        List<String> parts = parts(name);
        if (parts.isEmpty() || LOCATION_WORDS.contains(parts.getLast())) {
            return false;
        }
        for (String p : parts) {
            if (WORDS.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-cased word parts of a name. */
    static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(out, cur);
                continue;
            }
            if (cur.length() > 0 && Character.isUpperCase(c)) {
                char prev = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                // aB starts a word; in ABc the B starts one (APIKey -> API, Key).
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || Character.isUpperCase(prev) && nextLower) {
                    flush(out, cur);
                }
            }
            cur.append(Character.toLowerCase(c));
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** The text with the values of secret-like {@code NAME=value} pairs masked (see the class comment). */
    public static String maskText(String text) {
        if (text == null || text.indexOf('=') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.append(maskLine(text.substring(start, end)));
            start = end;
        }
        return out.toString();
    }

    /**
     * The value of one {@code key=value} assignment (a unit entry, an environment variable) with secrets
     * masked: all of it when the key is secret-like, else the secret-like pairs inside it.
     */
    public static String maskAssignment(String key, String value) {
        if (key == null || value == null) {
            return value;
        }
        String prefix = key + "=";
        String masked = maskLine(prefix + value);
        return masked.startsWith(prefix) ? masked.substring(prefix.length()) : MASK;
    }

    private static String maskLine(String text) {
        String line = maskSecretArgument(text);
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        int i = 0;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            int nameEnd = eq;
            while (nameEnd > copied && isBlank(line.charAt(nameEnd - 1))) {
                nameEnd--;
            }
            int nameStart = nameEnd;
            while (nameStart > copied && isNameChar(line.charAt(nameStart - 1))) {
                nameStart--;
            }
            while (nameStart < nameEnd && (line.charAt(nameStart) == '-' || line.charAt(nameStart) == '.')) {
                nameStart++; // --db-password=x names db-password
            }
            String name = line.substring(nameStart, nameEnd);
            if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
                i = eq + 1;
                continue;
            }
            boolean unitSecret = name.equals("Secret") && startsLine(line, nameStart);
            if (!unitSecret && !isSecretName(name)) {
                i = eq + 1;
                continue;
            }
            int valueStart = eq + 1;
            while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
                valueStart++;
            }
            int valueEnd = unitSecret ? secretSourceEnd(line, valueStart)
                    : valueEnd(line, nameStart, valueStart);
            if (valueEnd <= valueStart) {
                i = eq + 1;
                continue;
            }
            out.append(line, copied, valueStart).append(MASK);
            copied = valueEnd;
            i = valueEnd;
        }
        out.append(line, copied, line.length());
        return out.toString();
    }

    /** A podman {@code --secret SOURCE[,options]} (or {@code --secret=}) word with its source masked. */
    private static String maskSecretArgument(String line) {
        int at = line.indexOf("--secret");
        if (at < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int copied = 0;
        while (at >= 0) {
            int from = at + "--secret".length();
            boolean word = (at == 0 || isBlank(line.charAt(at - 1)) || line.charAt(at - 1) == '"' || line.charAt(at - 1) == '\'')
                    && from < line.length() && (line.charAt(from) == '=' || line.charAt(from) == ' ');
            if (word) {
                int start = from + 1;
                int end = start;
                while (end < line.length() && !isBlank(line.charAt(end)) && "\"',\n\r".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                if (end > start) {
                    out.append(line, copied, start).append(MASK);
                    copied = end;
                }
                from = Math.max(from, end);
            }
            at = line.indexOf("--secret", from);
        }
        return out.append(line, copied, line.length()).toString();
    }

    /** Where the value starting at {@code from} ends, by the rule of the class comment. */
    private static int valueEnd(String line, int nameStart, int from) {
        int lineEnd = contentEnd(line);
        char before = nameStart > 0 ? line.charAt(nameStart - 1) : 0;
        if (before == '"' || before == '\'') {
            return closingQuote(line, from, before, lineEnd, false);
        }
        if (from < lineEnd && (line.charAt(from) == '"' || line.charAt(from) == '\'')) {
            return closingQuote(line, from + 1, line.charAt(from), lineEnd, true);
        }
        if (startsLine(line, nameStart)) {
            int end = lineEnd;
            while (end > from && (isBlank(line.charAt(end - 1)) || line.charAt(end - 1) == '\\')) {
                end--; // a continuation backslash is syntax, not value
            }
            return end;
        }
        int j = from;
        while (j < lineEnd && !isBlank(line.charAt(j)) && "\"',;&".indexOf(line.charAt(j)) < 0) {
            j++;
        }
        return j;
    }

    /** The index of the closing quote (excluded, or included when {@code inclusive}), or the end of the line. */
    private static int closingQuote(String line, int from, char quote, int lineEnd, boolean inclusive) {
        for (int j = from; j < lineEnd; j++) {
            char c = line.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return inclusive ? j + 1 : j;
            }
        }
        return lineEnd;
    }

    private static int secretSourceEnd(String line, int from) {
        int lineEnd = contentEnd(line);
        int comma = line.indexOf(',', from);
        return comma < 0 || comma > lineEnd ? lineEnd : comma;
    }

    /** The end of the line's content, before its line terminator. */
    private static int contentEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** True when only blanks (or {@code export }) come before index {@code at}. */
    private static boolean startsLine(String line, int at) {
        String head = line.substring(0, at).strip();
        return head.isEmpty() || head.equals("export");
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
