package dev.bosun.plugins.template;

import dev.bosun.api.Check;
import dev.bosun.api.Doc;
import dev.bosun.api.FileStat;
import dev.bosun.api.HostContext;
import dev.bosun.api.HostModule;
import dev.bosun.api.Module;
import dev.bosun.api.Op;
import dev.bosun.api.Optional;
import dev.bosun.api.WriteOptions;
import org.pf4j.Extension;

import java.util.List;

/**
 * The smallest useful Bosun module: one operation that only reads the host and one that changes it.
 * {@code @Extension} makes PF4J list it in META-INF/extensions.idx; {@code @Module} names it for JS.
 * Everything touching the host goes through the {@link HostContext}, so --dry-run, --root and the
 * audit trail work without any code here.
 */
@Extension
@Module(name = "template", doc = "Template plugin module: counts directory entries and ensures marker files. "
        + "Copy plugins/template to start your own plugin.")
public final class TemplateModule implements HostModule {

    @Op(doc = "How many entries a directory under the host root has (0 when it does not exist).")
    public int count(HostContext ctx, @Doc("absolute directory path under the host root") String dir) {
        Check.absolutePath("dir", dir);
        List<String> names = ctx.fs().list(dir);
        return names.size();
    }

    @Op(mutates = true, doc = "Ensures a marker file exists with the given text (default empty). changed is false "
            + "when it already had exactly that text. The parent directory must exist.")
    public Marker mark(HostContext ctx,
                       @Doc("absolute path of the marker file under the host root") String path,
                       @Doc("the file's content") @Optional String text) {
        Check.absolutePath("path", path);
        String content = text == null ? "" : Check.singleLine("text", text);
        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        FileStat dir = ctx.fs().stat(parent);
        if (dir == null || dir.type() != FileStat.Type.DIRECTORY) {
            throw new dev.bosun.api.BosunException("cannot mark " + path + ": directory " + parent + " does not exist");
        }
        if (content.equals(ctx.fs().readIfExists(path))) {
            return new Marker(path, false);
        }
        ctx.fs().write(path, content, WriteOptions.mode(0644));
        return new Marker(path, true);
    }

    /** The result of {@code template.mark}. */
    public record Marker(@Doc("the marker file") String path, @Doc("true when the file was written") boolean changed) {
    }
}
