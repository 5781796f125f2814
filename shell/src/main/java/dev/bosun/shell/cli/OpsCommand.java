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
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code bosun ops [MODULE]}: the operations with signatures and docs. */
@Command(name = "ops", mixinStandardHelpOptions = true,
        description = "List operations with their signatures and docs (all modules, or one). --json for tools.")
public final class OpsCommand implements Callable<Integer> {
    @ParentCommand
    BosunCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODULE", description = "only this module")
    String module;

    @picocli.CommandLine.Option(names = "--markdown", description = "the full reference as Markdown (docs/reference.md)")
    boolean markdown;

    @Override
    public Integer call() {
        try (PluginSet plugins = parent.global.modules(System.err)) {
            var registry = plugins.registry();
            if (module != null && registry.module(module) == null) {
                throw new UsageException("ops: no module '" + module + "' (modules: "
                        + String.join(", ", registry.modules().stream().map(ModuleInfo::name).toList()) + ")");
            }
            if (markdown) {
                System.out.print(dev.bosun.shell.ops.ReferenceWriter.write(registry));
                return ExitCodes.OK;
            }
            TypeDescriber d = new TypeDescriber();
            ArrayNode json = JsonCodec.mapper().createArrayNode();
            for (ModuleInfo m : registry.modules()) {
                if (module != null && !m.name().equals(module)) {
                    continue;
                }
                if (!parent.global.json) {
                    System.out.println(m.name() + " — " + HelpText.summary(m.doc())
                            + (m.origin().equals("stdlib") ? "" : " (plugin " + m.origin() + ")"));
                }
                for (OpInfo op : m.ops()) {
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
                        System.out.println("  " + sig + (op.mutates() ? "  [mutates]" : ""));
                        System.out.println("      " + HelpText.summary(op.doc()));
                    }
                }
            }
            if (parent.global.json) {
                JsonReport report = new JsonReport();
                report.result(json);
                report.write(System.out);
            }
            return ExitCodes.OK;
        }
    }
}
