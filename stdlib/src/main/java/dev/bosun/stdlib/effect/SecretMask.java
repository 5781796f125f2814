package dev.bosun.stdlib.effect;

import dev.bosun.api.Secrets;

import java.util.regex.Pattern;

/**
 * What a plan may show of a file's lines. Plans are printed, logged and pasted into tickets, so they carry
 * no secrets: in a shadow-format file ({@code shadow}, {@code gshadow} and their {@code -} backups and
 * {@code +} temp files, under any root) the second field, the password hash, becomes {@code ***} (a
 * lock marker made only of {@code !} and {@code *}, or an empty field, says no more than "locked" or "no
 * password" and is kept; a {@code !} before a hash is kept too), and the diff has no context lines, so
 * only the accounts that change appear at all. In every other file the values of secret-like
 * {@code NAME=value} pairs are masked by the rule of {@link Secrets}. The file written is the real one;
 * only what is shown is masked, so such a diff describes the change but no longer applies with patch.
 */
final class SecretMask {
    private static final Pattern SHADOW_NAME = Pattern.compile("g?shadow[-+]?");
    private static final int CONTEXT = 3;

    private SecretMask() {
    }

    /** True for the shadow-utils files that hold password hashes, by file name. */
    static boolean isShadowFormat(String hostPath) {
        return SHADOW_NAME.matcher(hostPath.substring(hostPath.lastIndexOf('/') + 1)).matches();
    }

    /** Lines of context around each change: none for shadow-format files. */
    static int contextLines(String hostPath) {
        return isShadowFormat(hostPath) ? 0 : CONTEXT;
    }

    /** One line of file content as a plan may show it. */
    static String line(String hostPath, String content) {
        return isShadowFormat(hostPath) ? shadowLine(content) : Secrets.maskText(content);
    }

    private static String shadowLine(String line) {
        int first = line.indexOf(':');
        if (first < 0) {
            return line;
        }
        int second = line.indexOf(':', first + 1);
        String hash = second < 0 ? line.substring(first + 1) : line.substring(first + 1, second);
        int bang = 0;
        while (bang < hash.length() && hash.charAt(bang) == '!') {
            bang++;
        }
        if (hash.chars().allMatch(c -> c == '!' || c == '*')) {
            return line;
        }
        return line.substring(0, first + 1) + hash.substring(0, bang) + Secrets.MASK
                + (second < 0 ? "" : line.substring(second));
    }
}
