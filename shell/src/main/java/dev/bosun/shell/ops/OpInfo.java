package dev.bosun.shell.ops;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;

/**
 * One operation: where it lives, how it is called and what it says about itself.
 *
 * @param module     the module's JS name
 * @param name       the op's JS name, possibly dotted for nested namespaces ({@code bundle.parse})
 * @param doc        the help text
 * @param mutates    whether it may change the host
 * @param method     the Java method
 * @param target     the module instance
 * @param injectsContext whether the first Java parameter is the HostContext
 * @param params     the JS-visible parameters
 */
public record OpInfo(String module, String name, String doc, boolean mutates, Method method, Object target,
                     boolean injectsContext, List<ParamInfo> params) {

    /** {@code module.op}, the name used in messages and the audit log. */
    public String qualifiedName() {
        return module + "." + name;
    }

    public Type returnType() {
        return method.getGenericReturnType();
    }

    /** The last segment of a dotted name, which is the JS member name. */
    public String simpleName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** Namespace path between module and op, empty for plain ops. */
    public List<String> namespace() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? List.of() : List.of(name.substring(0, dot).split("\\."));
    }

    /** Required parameters count. */
    public int requiredCount() {
        int n = 0;
        for (ParamInfo p : params) {
            if (!p.optional()) {
                n++;
            }
        }
        return n;
    }
}
