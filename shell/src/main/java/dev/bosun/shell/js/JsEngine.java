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

    /**
     * Boots the engine and initialises the JS language once with a throwaway context. The first context of
     * an engine pays for language initialisation; later ones (the session's) are cheap, so doing this on a
     * second thread while the command line is parsed takes it off the critical path.
     */
    public static void warmUp() {
        try (org.graalvm.polyglot.Context c = org.graalvm.polyglot.Context.newBuilder("js").engine(get())
                .out(java.io.OutputStream.nullOutputStream()).err(java.io.OutputStream.nullOutputStream()).build()) {
            c.eval("js", "JSON.parse('{\"a\":[1]}').a.length");
        }
    }

    /** "Interpreted" for the fallback runtime, "GraalVM CE" when the optimizing compiler is active. */
    public static String implementation() {
        return get().getImplementationName();
    }
}
