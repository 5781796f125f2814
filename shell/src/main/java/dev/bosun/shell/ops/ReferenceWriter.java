package dev.bosun.shell.ops;

import java.lang.reflect.Type;
import java.util.List;

/** {@code bosun ops --markdown}: the operation reference (docs/reference.md) from the same metadata as help. */
public final class ReferenceWriter {
    private ReferenceWriter() {
    }

    public static String write(ModuleRegistry registry) {
        StringBuilder sb = new StringBuilder("# Bosun operation reference\n\n");
        sb.append("Generated from the modules' `@Module`/`@Op` metadata by `./bosun --no-plugins ops --markdown`; "
                + "the same text `help(x)` shows in the REPL. Do not edit by hand.\n\n");
        for (ModuleInfo m : registry.modules()) {
            sb.append("- [").append(m.name()).append("](#").append(m.name()).append(")\n");
        }
        for (ModuleInfo m : registry.modules()) {
            // Type names are the module's own (as in its TypeScript namespace): users' ListOptions is ListOptions.
            TypeDescriber d = new TypeDescriber();
            sb.append("\n## ").append(m.name()).append("\n\n").append(m.doc()).append('\n');
            if (!m.origin().equals("stdlib")) {
                sb.append("\nFrom plugin `").append(m.origin()).append("`.\n");
            }
            for (OpInfo op : m.ops()) {
                String ns = op.namespace().isEmpty() ? "" : String.join(".", op.namespace()) + ".";
                sb.append("\n### `").append(m.name()).append('.').append(ns).append(d.signature(op)).append("`\n\n");
                sb.append(op.mutates() ? "*Mutates the host: planned under `--dry-run`, audited when applied.*\n\n"
                        : "*Read-only.*\n\n");
                sb.append(op.doc()).append('\n');
                if (!op.params().isEmpty()) {
                    sb.append("\n| parameter | type | |\n| --- | --- | --- |\n");
                    for (ParamInfo p : op.params()) {
                        sb.append("| `").append(p.name()).append(p.optional() ? "?" : "").append("` | `")
                                .append(cell(d.ts(p.type()))).append("` | ").append(cell(p.doc())).append(" |\n");
                        fields(sb, p.type(), "`" + p.name() + "`");
                    }
                }
                List<String> rf = TypeDescriber.fields(op.returnType());
                if (!rf.isEmpty()) {
                    sb.append("\nReturns `").append(cell(d.ts(op.returnType()))).append("`:\n\n");
                    for (String f : rf) {
                        sb.append("- ").append(f).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void fields(StringBuilder sb, Type t, String owner) {
        for (String f : TypeDescriber.fields(t)) {
            sb.append("| &nbsp;&nbsp;").append(owner).append(" field | `").append(cell(f)).append("` | |\n");
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
