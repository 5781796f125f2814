package dev.bosun.stdlib.kvm;

import dev.bosun.api.Command;
import dev.bosun.api.ExecResult;
import dev.bosun.api.HostContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A POSIX access ACL as {@code getfacl -n} prints it. udev's {@code uaccess} tag grants the seat user
 * {@code /dev/kvm} this way, so mode bits alone can say "no" where the kernel says "yes".
 *
 * @param entries the entries in getfacl's order
 */
public record PosixAcl(List<Entry> entries) {
    static final int READ = 4;
    static final int WRITE = 2;

    /**
     * @param tag       user, group, mask or other
     * @param qualifier numeric uid/gid of a named entry, null for the owner, owning group, mask and other
     * @param perms     rwx as bits 4/2/1
     */
    public record Entry(String tag, Integer qualifier, int perms) {
    }

    public PosixAcl {
        entries = List.copyOf(entries);
    }

    /**
     * The access ACL of a file of the session's root through {@code getfacl -n} (a read-only command), or null
     * when getfacl is missing or fails.
     */
    public static PosixAcl read(HostContext ctx, String hostPath) {
        if (!ctx.exec().available("getfacl")) {
            return null;
        }
        ExecResult r = ctx.exec().run(Command.of("getfacl", "-n", "--absolute-names", "--",
                ctx.fs().resolve(hostPath).toString()).readOnly().unchecked());
        return r.ok() ? parse(r.stdout()) : null;
    }

    /** Parses {@code getfacl -n} output; comment lines and the {@code #effective:} remarks are ignored. */
    static PosixAcl parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != 3) {
                continue;
            }
            Integer qualifier = f[1].isEmpty() ? null : Integer.valueOf(f[1]);
            entries.add(new Entry(f[0], qualifier, perms(f[2])));
        }
        return new PosixAcl(entries);
    }

    private static int perms(String rwx) {
        return (rwx.indexOf('r') >= 0 ? READ : 0) | (rwx.indexOf('w') >= 0 ? WRITE : 0) | (rwx.indexOf('x') >= 0 ? 1 : 0);
    }

    /** True when there is more than the three entries the mode bits already express. */
    boolean extended() {
        return entries.stream().anyMatch(e -> e.qualifier() != null || e.tag().equals("mask"));
    }

    Entry find(String tag, Integer qualifier) {
        for (Entry e : entries) {
            if (e.tag().equals(tag) && java.util.Objects.equals(e.qualifier(), qualifier)) {
                return e;
            }
        }
        return null;
    }

    List<Entry> named(String tag) {
        return entries.stream().filter(e -> e.tag().equals(tag) && e.qualifier() != null).toList();
    }
}
