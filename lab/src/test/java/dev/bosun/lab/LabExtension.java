package dev.bosun.lab;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Locale;

/**
 * Boots one box per test class (booting is cheap, about a second, but a box per test would multiply it and
 * the users' managers starting in it) and tears it down after the class, checking that nothing of it is left.
 * The first box of a run records what the machine had before, for {@link LeftoversLabTest}.
 */
public final class LabExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Leftovers.recordBeforeSuite();
        context.getStore(NS).put(LabBox.class, LabBox.boot(boxName(context.getRequiredTestClass())));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        LabBox box = context.getStore(NS).remove(LabBox.class, LabBox.class);
        if (box != null) {
            box.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LabBox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(LabBox.class, LabBox.class);
    }

    /** bosun-lab-CLASS-PID: unique per class and test JVM, within lab/run's name rule [a-z0-9][a-z0-9-]{0,47}. */
    static String boxName(Class<?> testClass) {
        String cls = testClass.getSimpleName().replaceAll("LabTest$", "").replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        if (cls.length() > 24) {
            cls = cls.substring(0, 24);
        }
        return "bosun-lab-" + cls + "-" + ProcessHandle.current().pid();
    }
}
