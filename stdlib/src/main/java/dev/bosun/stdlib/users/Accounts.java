package dev.bosun.stdlib.users;

import dev.bosun.api.Fs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the root's account database ({@code etc/passwd}, {@code etc/group}, {@code etc/login.defs}),
 * read through the effect layer so {@code --root} and dry-run views apply. Missing files read as empty.
 */
public final class Accounts {
    public static final String PASSWD = "/etc/passwd";
    public static final String GROUP = "/etc/group";

    private final Map<String, PasswdEntry> users = new LinkedHashMap<>();
    private final Map<String, GroupEntry> groups = new LinkedHashMap<>();
    private final LoginDefs defs;

    private Accounts(String passwd, String group, LoginDefs defs) {
        this.defs = defs;
        int n = 0;
        for (String line : passwd.split("\n")) {
            PasswdEntry e = PasswdEntry.parse(line, ++n);
            if (e != null) {
                users.putIfAbsent(e.name(), e); // like getpwnam: the first entry of a name wins
            }
        }
        n = 0;
        for (String line : group.split("\n")) {
            GroupEntry e = GroupEntry.parse(line, ++n);
            if (e != null) {
                groups.putIfAbsent(e.name(), e);
            }
        }
    }

    public static Accounts read(Fs fs) {
        return parse(fs.readIfExists(PASSWD), fs.readIfExists(GROUP), LoginDefs.read(fs));
    }

    /** The database from file texts (null reads as empty), e.g. for modules that test their own fixtures. */
    public static Accounts parse(String passwd, String group, LoginDefs defs) {
        return new Accounts(orEmpty(passwd), orEmpty(group), defs);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public LoginDefs loginDefs() {
        return defs;
    }

    public User user(String name) {
        PasswdEntry e = users.get(name);
        return e == null ? null : toUser(e);
    }

    public List<User> users() {
        return users.values().stream().map(this::toUser).toList();
    }

    /** The first user with this uid, or null. */
    public User userByUid(long uid) {
        return users.values().stream().filter(e -> e.uid() == uid).findFirst().map(this::toUser).orElse(null);
    }

    public Group group(String name) {
        GroupEntry e = groups.get(name);
        return e == null ? null : toGroup(e);
    }

    public List<Group> groups() {
        return groups.values().stream().map(this::toGroup).toList();
    }

    /** The first group with this gid, or null. */
    public Group groupByGid(long gid) {
        return groups.values().stream().filter(e -> e.gid() == gid).findFirst().map(this::toGroup).orElse(null);
    }

    /** Whether the user's password field is {@code x}, i.e. its password belongs in {@code etc/shadow}. */
    boolean passwordInShadow(String user) {
        PasswdEntry e = users.get(user);
        return e != null && e.shadowed();
    }

    /** Whether the group's password field is {@code x}, i.e. its password belongs in {@code etc/gshadow}. */
    boolean passwordInGshadow(String group) {
        GroupEntry e = groups.get(group);
        return e != null && e.shadowed();
    }

    private User toUser(PasswdEntry e) {
        List<String> supplementary = new ArrayList<>();
        for (GroupEntry g : groups.values()) {
            if (g.members().contains(e.name())) {
                supplementary.add(g.name());
            }
        }
        Group primary = groupByGid(e.gid());
        boolean system = e.uid() < defs.uidMin() || e.uid() > defs.uidMax();
        return new User(e.name(), e.uid(), e.gid(), primary == null ? null : primary.name(), e.gecos(), e.home(),
                e.shell(), system, List.copyOf(supplementary));
    }

    private Group toGroup(GroupEntry e) {
        boolean system = e.gid() < defs.gidMin() || e.gid() > defs.gidMax();
        return new Group(e.name(), e.gid(), e.members(), system);
    }
}
