package dev.bosun.shell.js;

import dev.bosun.api.Check;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module (or a nested namespace such as {@code quadlet.bundle}) as a read-only JS object: its
 * members are operations and sub-namespaces. Scripts cannot replace or add members, so one script
 * cannot change what another call of {@code users.ensure} does.
 */
public final class Namespace implements ProxyObject {
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_$][\\w$]{0,63}");

    private final String path;
    private final String moduleName;
    private final Map<String, Object> members = new LinkedHashMap<>();

    Namespace(String path, String moduleName) {
        this.path = path;
        this.moduleName = moduleName;
    }

    /** {@code users} or {@code quadlet.bundle}. */
    public String path() {
        return path;
    }

    /** The module this namespace belongs to. */
    public String moduleName() {
        return moduleName;
    }

    Map<String, Object> members() {
        return members;
    }

    Namespace child(String name) {
        Object existing = members.get(name);
        if (existing instanceof Namespace ns) {
            return ns;
        }
        Namespace ns = new Namespace(path + "." + name, moduleName);
        members.put(name, ns);
        return ns;
    }

    @Override
    public Object getMember(String key) {
        return members.get(key);
    }

    @Override
    public Object getMemberKeys() {
        return org.graalvm.polyglot.proxy.ProxyArray.fromArray((Object[]) members.keySet().toArray(new String[0]));
    }

    @Override
    public boolean hasMember(String key) {
        return members.containsKey(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException(path + " is read-only: cannot set " + Check.quote(key));
    }

    @Override
    public boolean removeMember(String key) {
        throw new UnsupportedOperationException(path + " is read-only: cannot delete " + Check.quote(key));
    }

    /**
     * The line for calling a member this namespace does not have: {@code users has no operation nosuch (ensure,
     * get, linger, list, remove)}, with a suggestion when a member is at most two edits away.
     */
    String noSuchMember(String name) {
        String nearest = EditDistance.nearest(name, members.keySet());
        String shown = IDENTIFIER.matcher(name).matches() ? name : Check.quote(name);
        return path + " has no operation " + shown
                + (nearest == null ? "" : "; did you mean " + nearest + "?")
                + " (" + String.join(", ", new java.util.TreeSet<>(members.keySet())) + ")";
    }

    @Override
    public String toString() {
        return "[module " + path + "]";
    }
}
