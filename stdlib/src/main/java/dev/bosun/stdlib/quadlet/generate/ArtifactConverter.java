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
        String artifact = OneshotService.pull(c, "Artifact", "artifact", STRING_FLAGS, BOOL_FLAGS);
        c.info.resourceName(artifact); // after pull: the service skeleton it starts sets c.info
    }
}
