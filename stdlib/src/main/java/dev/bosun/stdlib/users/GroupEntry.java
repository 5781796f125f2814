package dev.bosun.stdlib.users;

import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code etc/group}: {@code name:password:gid:member,member}.
 *
 * @param shadowed whether the password field is {@code x}: the group's password lives in {@code etc/gshadow}
 */
record GroupEntry(String name, long gid, List<String> members, boolean shadowed, int line) {

    /** The entry, or null for lines that are not a well-formed group. */
    static GroupEntry parse(String text, int line) {
        String[] f = text.split(":", -1);
        if (f.length != 4 || f[0].isEmpty() || !PasswdEntry.isId(f[2])) {
            return null;
        }
        List<String> members = f[3].isEmpty() ? List.of()
                : Arrays.stream(f[3].split(",")).filter(s -> !s.isEmpty()).toList();
        return new GroupEntry(f[0], Long.parseLong(f[2]), members, f[1].equals("x"), line);
    }
}
