package dev.bosun.shell.ops;

import java.lang.reflect.Type;

/** The help shown by {@code help(module)}, {@code help(module.op)} and {@code bosun ops}. */
public final class HelpText {
    private HelpText() {
    }

    public static String forModule(ModuleInfo m) {
        TypeDescriber d = new TypeDescriber();
        StringBuilder sb = new StringBuilder();
        sb.append(m.name()).append(" — ").append(m.doc()).append('\n');
        if (!m.origin().equals("stdlib")) {
            sb.append("(from plugin ").append(m.origin()).append(")\n");
        }
        sb.append('\n');
        for (OpInfo op : m.ops()) {
            sb.append("  ").append(m.name()).append('.').append(op.namespace().isEmpty() ? ""
                    : String.join(".", op.namespace()) + ".").append(d.signature(op))
                    .append(op.mutates() ? "  [mutates]" : "").append('\n');
            sb.append("      ").append(summary(op.doc())).append('\n');
        }
        sb.append("\nhelp(").append(m.name()).append(".<op>) shows the details of one operation.\n");
        return sb.toString();
    }

    public static String forOp(OpInfo op) {
        TypeDescriber d = new TypeDescriber();
        StringBuilder sb = new StringBuilder();
        sb.append(op.module()).append('.').append(op.namespace().isEmpty() ? "" : String.join(".", op.namespace()) + ".")
                .append(d.signature(op)).append('\n');
        sb.append(op.mutates() ? "  mutates the host: planned under --dry-run, audited when applied\n"
                : "  read-only\n");
        sb.append('\n').append(wrap(op.doc(), 78, "  ")).append('\n');
        for (ParamInfo p : op.params()) {
            sb.append('\n').append("  ").append(p.name()).append(p.optional() ? " (optional)" : "").append(": ")
                    .append(d.ts(p.type())).append(p.doc().isEmpty() ? "" : " — " + p.doc()).append('\n');
            for (String f : TypeDescriber.fields(p.type())) {
                sb.append("      ").append(f).append('\n');
            }
        }
        Type rt = op.returnType();
        java.util.List<String> rf = TypeDescriber.fields(rt);
        if (!rf.isEmpty()) {
            sb.append("\n  returns ").append(d.ts(rt)).append(":\n");
            for (String f : rf) {
                sb.append("      ").append(f).append('\n');
            }
        }
        return sb.toString();
    }

    /** Abbreviations whose period does not end a sentence ({@code e.g. 'web'}). */
    private static final java.util.regex.Pattern SENTENCE_END =
            java.util.regex.Pattern.compile("(?<!\\be\\.g|\\bi\\.e|\\betc|\\bvs|\\bcf)\\. ");

    /** The first sentence of a doc string. */
    public static String summary(String doc) {
        java.util.regex.Matcher end = SENTENCE_END.matcher(doc);
        return end.find() ? doc.substring(0, end.start() + 1) : doc;
    }

    static String wrap(String text, int width, String indent) {
        StringBuilder sb = new StringBuilder(indent);
        int col = indent.length();
        for (String w : text.split(" ")) {
            if (col + w.length() > width && col > indent.length()) {
                sb.append('\n').append(indent);
                col = indent.length();
            }
            sb.append(w).append(' ');
            col += w.length() + 1;
        }
        return sb.toString().stripTrailing();
    }
}
