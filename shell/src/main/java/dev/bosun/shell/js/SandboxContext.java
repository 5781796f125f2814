package dev.bosun.shell.js;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A JS context with Bosun's sandbox and the bridge's runtime helpers, not yet tied to a session. Each
 * context pays for its own JS realm (all built-ins, tens of milliseconds in the fallback runtime), so the
 * first one is built on the engine's boot thread while the command line is parsed ({@link #reserveAhead}),
 * and the session binds its streams, script directory and modules to it afterwards.
 *
 * <p>The sandbox: only Bosun's proxies are reachable (no {@code Java}, no host classes, no polyglot
 * access), no threads, processes, native access or environment, no {@code load}/{@code print}, and a file
 * system that serves only {@code bosun:} modules and the script's own directory.
 */
final class SandboxContext {
    /**
     * Built-ins the bridge uses are captured when the context is made, before any script runs: a script may
     * replace {@code TypeError}, {@code JSON} or {@code Object.keys} in its own realm, and that must not
     * change how arguments are read or how errors are thrown. Argument reading ({@code entries}, {@code elements})
     * sees own properties only, so values inherited from a polluted prototype never count.
     */
    private static final String RUNTIME = """
            (() => {
              const TypeErrorClass = TypeError, ErrorClass = Error, defineProperty = Object.defineProperty,
                  hasOwn = Object.hasOwn, keys = Object.keys, freeze = Object.freeze,
                  parse = JSON.parse, stringify = JSON.stringify;
              // A script has one thread and nothing that could wake it: blocking would hang it for good.
              if (globalThis.Atomics) {
                defineProperty(globalThis.Atomics, 'wait', { __proto__: null, writable: true, configurable: true,
                    value: function wait() {
                      throw new TypeErrorClass('Atomics.wait is not allowed: a script runs on one thread, so '
                          + 'nothing could wake it; use await on a Promise instead');
                    } });
              }
              // Marks an array index or key that is not an own property (a hole, or deleted by a getter).
              const absent = freeze({ __proto__: null });
              // Defines element i of a fresh array: assigning would run a setter a script put on Array.prototype.
              const define = (a, i, v) => defineProperty(a, i, { __proto__: null, value: v, writable: true,
                  enumerable: true, configurable: true });
              return freeze({
                __proto__: null,
                typeError: (m) => new TypeErrorClass(m),
                bosunError: (m) => {
                  const e = new ErrorClass(m);
                  defineProperty(e, 'name', { __proto__: null, value: 'BosunError', writable: true,
                      configurable: true, enumerable: false });
                  return e;
                },
                absent,
                // One call per object instead of one per property (each call into JS costs more than the
                // rest of reading a value): o's own enumerable string keys and their values, each read once,
                // as [k0, v0, k1, v1, ...] with the absent marker for a key a getter deleted meanwhile; the
                // number of keys instead, before any value is read, when there are more than max.
                entries: (o, max) => {
                  const ks = keys(o), n = ks.length;
                  if (n > max) {
                    return n;
                  }
                  const out = [];
                  for (let i = 0; i < n; i++) {
                    const k = ks[i];
                    define(out, 2 * i, k);
                    define(out, 2 * i + 1, hasOwn(o, k) ? o[k] : absent);
                  }
                  return out;
                },
                // The first n elements of a, each read once, with the absent marker for a hole.
                elements: (a, n) => {
                  const out = [];
                  for (let i = 0; i < n; i++) {
                    define(out, i, hasOwn(a, i) ? a[i] : absent);
                  }
                  return out;
                },
                parse: (text) => parse(text),
                stringify: (v, p) => stringify(v, (k, x) => typeof x === 'bigint' ? x.toString() : x,
                    p ? 2 : undefined),
                undefined: undefined,
                // Globals are defined read-only so a script cannot swap a module for a look-alike.
                install: (globals) => {
                  for (const n of keys(globals)) {
                    defineProperty(globalThis, n, { __proto__: null, value: globals[n], writable: false,
                        configurable: false, enumerable: true });
                  }
                },
              });
            })()""";

    /** The context being built on the boot thread, taken by the first session; null when none is. */
    private static CompletableFuture<SandboxContext> ahead;

    final Context context;
    /** The object of helpers {@link #RUNTIME} evaluates to: one internal source, parsed once. */
    final Value runtime;
    private final ForwardingOutputStream out = new ForwardingOutputStream();
    private final ForwardingOutputStream err = new ForwardingOutputStream();
    final ModuleFileSystem files = new ModuleFileSystem();

    private SandboxContext() {
        this.context = Context.newBuilder("js")
                .engine(JsEngine.get())
                .allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).build())
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowIO(IOAccess.newBuilder().fileSystem(files).build())
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .option("js.esm-eval-returns-exports", "true")
                .option("js.unhandled-rejections", "throw")
                .out(out)
                .err(err)
                .in(InputStream.nullInputStream())
                .build();
        this.runtime = context.eval(Source.newBuilder("js", RUNTIME, "bosun:internal/runtime").buildLiteral());
    }

    /** Defines the session's globals (modules, {@code help}, {@code exit}, {@code args}) read-only, in one call. */
    void install(Map<String, Object> globals) {
        runtime.getMember("install").execute(ProxyObject.fromMap(globals));
    }

    /**
     * Reserves the first context for the boot thread and returns the work that builds it. Reserving happens
     * on the caller's thread, before the boot thread starts, so a session can never miss it and build a
     * second context; a session created meanwhile waits for this one instead.
     */
    static Runnable reserveAhead() {
        CompletableFuture<SandboxContext> f = new CompletableFuture<>();
        synchronized (SandboxContext.class) {
            ahead = f;
        }
        return () -> {
            try {
                f.complete(new SandboxContext());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        };
    }

    /** The context built ahead if there is one (waiting for it to be ready), else a new one. */
    static SandboxContext take(OutputStream out, OutputStream err, Path scriptDir,
                               Function<String, String> moduleSource, List<String> moduleNames) {
        CompletableFuture<SandboxContext> f;
        synchronized (SandboxContext.class) {
            f = ahead;
            ahead = null;
        }
        SandboxContext c = null;
        if (f != null) {
            try {
                c = f.join();
            } catch (RuntimeException e) {
                // The boot thread's failure is not this session's: build here and report whatever happens.
            }
        }
        if (c == null) {
            c = new SandboxContext();
        }
        c.out.bind(out);
        c.err.bind(err);
        c.files.bind(scriptDir, moduleSource, moduleNames);
        return c;
    }
}
