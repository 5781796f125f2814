package dev.bosun.shell.js;

import org.graalvm.polyglot.Engine;

/**
 * The one polyglot engine of the process: contexts share it so parsed code and warm-up are shared.
 * The fallback-runtime warning is an engine option, so it is silenced here, once.
 */
public final class JsEngine {
    private static volatile Engine engine;

    private JsEngine() {
    }

    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (JsEngine.class) {
                e = engine;
                if (e == null) {
                    e = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** "Interpreted" for the fallback runtime, "GraalVM CE" when the optimizing compiler is active. */
    public static String implementation() {
        return get().getImplementationName();
    }
}
