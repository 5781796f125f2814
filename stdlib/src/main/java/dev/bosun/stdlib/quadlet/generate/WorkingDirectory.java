package dev.bosun.stdlib.quadlet.generate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code SetWorkingDirectory=} of .kube and .build units: {@code yaml}, {@code file} or {@code unit} set the
 * service's {@code WorkingDirectory=} to the directory of that file; for a build any other value is the
 * build context (a path or a URL), passed as the last argument.
 */
final class WorkingDirectory {
    /** Podman's URL test, unanchored at the end as in Go: http(s)/git URLs and github.com paths. */
    private static final Pattern URL = Pattern.compile("^((https?)|(git)://)|(github\\.com/).+\\z", Pattern.UNIX_LINES);

    private WorkingDirectory() {
    }

    static boolean isUrl(String s) {
        return URL.matcher(s).find();
    }

    /** {@code handleSetWorkingDirectory}: adds WorkingDirectory= where it applies and returns the build context ("" if none). */
    static String apply(Conversion c) {
        String value = c.value("SetWorkingDirectory");
        if (value.isEmpty()) {
            return "";
        }
        String relativeTo = "";
        String context = "";
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yaml" -> {
                if (!c.group.equals("Kube")) {
                    c.fail("SetWorkingDirectory", "SetWorkingDirectory=" + value + " is only supported in .kube files");
                    return "";
                }
                List<String> yaml = c.release.multipleYaml() ? c.unit.lookupAllStrv("Kube", "Yaml")
                        : c.lookup("Yaml").stream().toList();
                if (yaml.isEmpty()) {
                    c.fail("Yaml", "no Yaml key specified");
                    return "";
                } else if (yaml.size() != 1) {
                    c.fail("SetWorkingDirectory", "SetWorkingDirectory=yaml is only supported when a single Yaml key is provided");
                    return "";
                }
                relativeTo = yaml.getFirst();
            }
            case "file" -> {
                if (!c.group.equals("Build")) {
                    c.fail("SetWorkingDirectory", "SetWorkingDirectory=" + value + " is only supported in .build files");
                    return "";
                }
                var file = c.lookup("File");
                if (file.isEmpty()) {
                    c.fail("SetWorkingDirectory", "no File key specified");
                    return "";
                }
                relativeTo = file.get();
            }
            case "unit" -> relativeTo = c.unit.path();
            default -> {
                if (!c.group.equals("Build")) {
                    c.fail("SetWorkingDirectory", "unsupported value for WorkingDirectory: " + value + " ");
                    return "";
                }
                context = value;
                if (!context.startsWith("/")) {
                    relativeTo = c.unit.path();
                }
            }
        }
        if (!relativeTo.isEmpty() && !isUrl(context)) {
            if (!c.unit.value("Service", "WorkingDirectory").isEmpty()) {
                return ""; // an explicit WorkingDirectory= wins (and Podman then drops the build context too)
            }
            c.service.add("Service", "WorkingDirectory", GoPaths.dir(c.absolutePath(relativeTo)));
        }
        return context;
    }
}
