package dev.bosun.stdlib.quadlet.generate;

import java.util.Map;

/** {@code .artifact} → a oneshot {@code podman artifact pull}. */
final class ArtifactConverter {
    private static final Map<String, String> STRING_FLAGS = ContainerConverter.ordered(
            "AuthFile", "--authfile", "CertDir", "--cert-dir", "Creds", "--creds", "DecryptionKey", "--decryption-key",
            "Retry", "--retry", "RetryDelay", "--retry-delay");
    private static final Map<String, String> BOOL_FLAGS = ContainerConverter.ordered(
            "Quiet", "--quiet", "TLSVerify", "--tls-verify");

    private ArtifactConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        String artifact = c.value("Artifact");
        if (artifact.isEmpty()) {
            c.fail(null, "no Artifact key specified");
        }
        PodmanArgv argv = c.command().add("artifact", "pull");
        c.addStrings(argv, STRING_FLAGS);
        c.addBooleans(argv, BOOL_FLAGS);
        c.addPodmanArgs(argv);
        argv.add(artifact);
        c.exec("ExecStart", argv);
        OneshotService.defaults(c.service, true);
        c.info.resourceName(artifact);
    }
}
