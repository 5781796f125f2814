package dev.bosun.stdlib.kvm;

import dev.bosun.api.Fs;
import dev.bosun.stdlib.users.LoginDefs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users and groups of a root as the kvm checks need them: read by the users module's reader
 * ({@link dev.bosun.stdlib.users.Accounts}: the root's {@code etc/passwd} and {@code etc/group}, not NSS,
 * because under {@code --root} the host's name service knows nothing about the scratch tree), with ids
 * as {@code int} like {@link dev.bosun.api.FileStat} and the kernel's {@code uid_t} bit pattern, and
 * names for messages.
 */
public final class Accounts {
    /** A user as the checks need it. */
    public record User(String name, int uid, int gid) {
    }

    record Group(String name, int gid, List<String> members) {
    }

    private final List<User> users;
    private final List<Group> groups;

    private Accounts(dev.bosun.stdlib.users.Accounts db) {
        // (int) keeps the 32-bit pattern, which is how FileStat carries ids above 2^31.
        this.users = db.users().stream().map(u -> new User(u.name(), (int) u.uid(), (int) u.gid())).toList();
        this.groups = db.groups().stream().map(g -> new Group(g.name(), (int) g.gid(), g.members())).toList();
    }

    public static Accounts read(Fs fs) {
        return new Accounts(dev.bosun.stdlib.users.Accounts.read(fs));
    }

    static Accounts parse(String passwd, String group) {
        return new Accounts(dev.bosun.stdlib.users.Accounts.parse(passwd, group, LoginDefs.parse("")));
    }

    public User user(String name) {
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
    public Set<Integer> gidsOf(User user) {
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

    public String groupName(int gid) {
        Group g = groupById(gid);
        return g != null ? g.name() : String.valueOf(gid);
    }
}
