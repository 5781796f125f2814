package dev.bosun.stdlib.quadlet.generate;

/**
 * Whether an image reference names its registry, as the generator's short-name warning decides: an image
 * ID ({@code sha256:…}, or 64 hex digits), or a first path element that is a domain (with a dot or a port)
 * or {@code localhost}.
 */
final class ImageNames {
    private ImageNames() {
    }

    static boolean isUnambiguous(String image) {
        if (isImageId(image)) {
            return true;
        }
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String domain = image.substring(0, slash);
        return domain.contains(".") || domain.contains(":") || domain.equals("localhost");
    }

    private static boolean isImageId(String image) {
        if (image.startsWith("sha256:")) {
            return true;
        }
        if (image.getBytes(java.nio.charset.StandardCharsets.UTF_8).length != 64) {
            return false;
        }
        return image.codePoints().allMatch(c -> Character.digit(c, 16) >= 0 && isHexDigit(c));
    }

    /** Unicode's Hex_Digit: ASCII and fullwidth 0-9, A-F, a-f. */
    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF26) || (c >= 0xFF41 && c <= 0xFF46);
    }
}
