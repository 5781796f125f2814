package dev.bosun.stdlib.quadlet.generate;

import java.util.Map;

/** {@code .build} → a oneshot {@code podman build} of the context or File=, tagged with ImageTag=. */
final class BuildConverter {
    private static final Map<String, String> STRING_FLAGS = ContainerConverter.ordered(
            "Arch", "--arch", "AuthFile", "--authfile", "IgnoreFile", "--ignorefile", "Target", "--target",
            "Variant", "--variant", "Retry", "--retry", "RetryDelay", "--retry-delay");
    private static final Map<String, String> BOOL_FLAGS = ContainerConverter.ordered(
            "TLSVerify", "--tls-verify", "ForceRM", "--force-rm");
    private static final Map<String, String> ALL_STRING_FLAGS = ContainerConverter.ordered(
            "DNS", "--dns", "DNSOption", "--dns-option", "DNSSearch", "--dns-search", "GroupAdd", "--group-add",
            "ImageTag", "--tag");
    private static final Map<String, String> KEY_VAL_FLAGS = ContainerConverter.ordered(
            "BuildArg", "--build-arg", "Environment", "--env", "Label", "--label", "Annotation", "--annotation");

    private BuildConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        if (c.info.resourceName().isEmpty()) {
            c.fail(null, "no ImageTag key specified");
        }
        PodmanArgv argv = c.command().add("build");
        String pull = c.value("Pull");
        if (!pull.isEmpty()) {
            // podman build needs --pull=VALUE in one word (podman issue 24599)
            argv.add("--pull=" + pull);
        }
        c.addStrings(argv, STRING_FLAGS);
        c.addBooleans(argv, BOOL_FLAGS);
        c.addAllStrings(argv, ALL_STRING_FLAGS);
        c.addKeyVals(argv, KEY_VAL_FLAGS);
        References.networks(c, argv);
        c.args("Secret").forEach(s -> argv.add("--secret", s));
        References.volumes(c, argv);
        String context = WorkingDirectory.apply(c);
        String workingDirectory = c.service.value("Service", "WorkingDirectory");
        String file = c.value("File");
        if (workingDirectory.isEmpty() && file.isEmpty() && context.isEmpty()) {
            c.fail(null, "neither SetWorkingDirectory, nor File key specified");
        }
        if (!file.isEmpty()) {
            argv.option("--file", file);
        }
        c.addPodmanArgs(argv);
        if (!context.isEmpty()) {
            argv.add(context);
        } else if (!(c.release.specifierPathsAreAbsolute() && Conversion.startsWithSpecifier(file))
                && !file.startsWith("/") && !WorkingDirectory.isUrl(file)) {
            if (workingDirectory.isEmpty()) {
                c.fail("File", "relative path in File key requires SetWorkingDirectory key to be set");
            }
            argv.add(workingDirectory);
        }
        c.exec("ExecStart", argv);
        OneshotService.defaults(c.service, false);
    }
}
