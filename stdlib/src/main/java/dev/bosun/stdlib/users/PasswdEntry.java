package dev.bosun.stdlib.users;

/**
 * One line of {@code etc/passwd}: {@code name:password:uid:gid:gecos:home:shell}.
 *
 * @param shadowed whether the password field is {@code x}: the password lives in {@code etc/shadow}
 * @param line     1-based line number, for messages
 */
record PasswdEntry(String name, long uid, long gid, String gecos, String home, String shell, boolean shadowed, int line) {

    /** The entry, or null for lines that are not a well-formed account (comments, NIS {@code +}/{@code -}, garbage). */
    static PasswdEntry parse(String text, int line) {
        String[] f = text.split(":", -1);
        if (f.length != 7 || f[0].isEmpty() || !isId(f[2]) || !isId(f[3])) {
            return null;
        }
        return new PasswdEntry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f[6], f[1].equals("x"), line);
    }

    static boolean isId(String s) {
        return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
