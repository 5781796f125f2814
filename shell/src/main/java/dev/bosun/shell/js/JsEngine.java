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
     * The work of the engine's boot thread: boots the engine and builds the first session's sandboxed
     * context (its JS realm is most of the cost). Call on the thread that will create the session, before
     * starting the boot thread: the context is reserved here, so the session waits for it rather than
     * building another.
     */
    public static Runnable bootTask() {
        return SandboxContext.reserveAhead();
    }

    /**
     * Runs, on the calling thread, JDK static initialisers that otherwise run on the boot thread's critical
     * path: GraalJS's Intl set-up (part of every JS context) initialises {@code BigDecimal}, whose initialiser
     * computes its cached powers of ten, ~10 ms in the interpreter. The main thread has time to spare while the
     * engine boots. JDK initialisers do not depend on GraalJS classes, so this cannot deadlock with the boot.
     */
    public static void initialiseJdkClassesAhead() {
        java.math.BigDecimal.ONE.signum();
    }

    /** "Interpreted" for the fallback runtime, "GraalVM CE" when the optimizing compiler is active. */
    public static String implementation() {
        return get().getImplementationName();
    }
}
