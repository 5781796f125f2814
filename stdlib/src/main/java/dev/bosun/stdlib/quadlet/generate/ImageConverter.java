package dev.bosun.stdlib.quadlet.generate;

import java.util.Map;

/** {@code .image} → a oneshot {@code podman image pull}. */
final class ImageConverter {
    private static final Map<String, String> STRING_FLAGS = ContainerConverter.ordered(
            "Arch", "--arch", "AuthFile", "--authfile", "CertDir", "--cert-dir", "Creds", "--creds",
            "DecryptionKey", "--decryption-key", "OS", "--os", "Policy", "--policy", "Variant", "--variant",
            "Retry", "--retry", "RetryDelay", "--retry-delay");
    private static final Map<String, String> BOOL_FLAGS = ContainerConverter.ordered(
            "AllTags", "--all-tags", "TLSVerify", "--tls-verify");

    private ImageConverter() {
    }

    static void convert(Conversion c) {
        String image = OneshotService.pull(c, "Image", "image", STRING_FLAGS, BOOL_FLAGS);
        String tag = c.value("ImageTag");
        c.info.resourceName(tag.isEmpty() ? image : tag);
    }
}
