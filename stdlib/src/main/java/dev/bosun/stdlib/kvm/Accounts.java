package dev.bosun.stdlib.kvm;

import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users and groups of a root, read from its {@code etc/passwd} and {@code etc/group} (not NSS:
 * under {@code --root} the host's name service knows nothing about the scratch tree).
 */
final class Accounts {
    record User(String name, int uid, int gid) {
    }

    record Group(String name, int gid, List<String> members) {
    }

    private final List<User> users;
    private final List<Group> groups;

    private Accounts(List<User> users, List<Group> groups) {
        this.users = users;
        this.groups = groups;
    }

    static Accounts read(Fs fs) {
        return parse(fs.readIfExists("/etc/passwd"), fs.readIfExists("/etc/group"));
    }

    static Accounts parse(String passwd, String group) {
        List<User> users = new ArrayList<>();
        for (String[] f : records(passwd, 4)) {
            Integer uid = number(f[2]);
            Integer gid = number(f[3]);
            if (uid != null && gid != null) {
                users.add(new User(f[0], uid, gid));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (String[] f : records(group, 3)) {
            Integer gid = number(f[2]);
            if (gid != null) {
                List<String> members = f.length > 3 && !f[3].isBlank() ? List.of(f[3].trim().split(",")) : List.of();
                groups.add(new Group(f[0], gid, members));
            }
        }
        return new Accounts(List.copyOf(users), List.copyOf(groups));
    }

    /** Colon records with at least {@code min} fields; comments, blank and NIS ({@code +}/{@code -}) lines are skipped. */
    private static List<String[]> records(String text, int min) {
        List<String[]> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length >= min) {
                out.add(f);
            }
        }
        return out;
    }

    private static Integer number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    User user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
    }

    User userById(int uid) {
        return users.stream().filter(u -> u.uid() == uid).findFirst().orElse(null);
    }

    Group group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    Group groupById(int gid) {
        return groups.stream().filter(g -> g.gid() == gid).findFirst().orElse(null);
    }

    /** The primary group and every group that lists the user as a member, as a new login session would get them. */
    Set<Integer> gidsOf(User user) {
        Set<Integer> gids = new LinkedHashSet<>();
        gids.add(user.gid());
        for (Group g : groups) {
            if (g.members().contains(user.name())) {
                gids.add(g.gid());
            }
        }
        return gids;
    }

    /** True when the group names the user as a supplementary member (not through the primary gid). */
    static boolean listsMember(Group group, String user) {
        return group != null && group.members().contains(user);
    }

    String userName(int uid) {
        User u = userById(uid);
        return u != null ? u.name() : String.valueOf(uid);
    }

    String groupName(int gid) {
        Group g = groupById(gid);
        return g != null ? g.name() : String.valueOf(gid);
    }
}
