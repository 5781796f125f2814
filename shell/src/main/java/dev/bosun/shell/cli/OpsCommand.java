package dev.bosun.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bosun.shell.js.JsonCodec;
import dev.bosun.shell.ops.HelpText;
import dev.bosun.shell.ops.ModuleInfo;
import dev.bosun.shell.ops.OpInfo;
import dev.bosun.shell.ops.ParamInfo;
import dev.bosun.shell.ops.TypeDescriber;
import dev.bosun.shell.plugins.PluginSet;
import dev.bosun.shell.render.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code bosun ops [MODULE[.OP]]}: the operations with signatures and docs. */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "List operations with their signatures and docs (all modules, one module, or the full help of "
                + "one operation: bosun ops users.ensure). --json for tools.")
public final class OpsCommand implements Callable<Integer> {
    @ParentCommand
    BosunCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODULE[.OP]", completionCandidates = ModuleNames.class,
            description = "only this module, or only this operation")
    String module;

    @picocli.CommandLine.Option(names = "--markdown", description = "the full reference as Markdown (docs/reference.md)")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PluginSet plugins = parent.global.modules(System.err)) {
            int dot = module == null ? -1 : module.indexOf('.');
            String opName = dot < 0 ? null : module.substring(dot + 1);
            if (dot >= 0) {
                module = module.substring(0, dot);
            }
            var registry = plugins.registry();
            ModuleInfo only = module == null ? null : registry.module(module);
            if (module != null && only == null) {
                throw new UsageException("ops: no module '" + module + "' (modules: "
                        + String.join(", ", registry.modules().stream().map(ModuleInfo::name).toList()) + ")");
            }
            if (opName != null && only.op(opName) == null) {
                throw new UsageException("ops: " + module + " has no operation '" + opName + "' (operations: "
                        + String.join(", ", only.ops().stream().map(OpInfo::name).toList()) + ")");
            }
            if (markdown) {
                out.print(dev.bosun.shell.ops.ReferenceWriter.write(registry));
                out.flush();
                return ExitCodes.OK;
            }
            if (opName != null && !parent.global.json) {
                out.print(HelpText.forOp(only.op(opName)));
                out.flush();
                return ExitCodes.OK;
            }
            TypeDescriber d = new TypeDescriber();
            ArrayNode json = JsonCodec.mapper().createArrayNode();
            for (ModuleInfo m : registry.modules()) {
                if (module != null && !m.name().equals(module)) {
                    continue;
                }
                if (!parent.global.json) {
                    out.println(m.name() + " — " + HelpText.summary(m.doc())
                            + (m.origin().equals("stdlib") ? "" : " (plugin " + m.origin() + ")"));
                }
                for (OpInfo op : m.ops()) {
                    if (opName != null && !op.name().equals(opName)) {
                        continue;
                    }
                    String sig = op.module() + "." + (op.namespace().isEmpty() ? "" : String.join(".", op.namespace())
                            + ".") + d.signature(op);
                    if (parent.global.json) {
                        ObjectNode o = json.addObject();
                        o.put("module", m.name());
                        o.put("name", op.name());
                        o.put("signature", sig);
                        o.put("doc", op.doc());
                        o.put("mutates", op.mutates());
                        o.put("origin", m.origin());
                        ArrayNode ps = o.putArray("params");
                        for (ParamInfo p : op.params()) {
                            ps.addObject().put("name", p.name()).put("type", d.ts(p.type()))
                                    .put("optional", p.optional()).put("doc", p.doc());
                        }
                        o.put("returns", d.ts(op.returnType()));
                    } else {
                        out.println("  " + sig + (op.mutates() ? "  [mutates]" : ""));
                        out.println("      " + HelpText.summary(op.doc()));
                    }
                }
            }
            if (parent.global.json) {
                JsonReport report = new JsonReport();
                report.result(json);
                report.write(out);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** Module names for shell completion after {@code bosun ops}: the built-in ones (plugins vary per host). */
    static final class ModuleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return dev.bosun.shell.ops.ModuleRegistry.withStdlib().modules().stream().map(ModuleInfo::name).iterator();
        }
    }
}
