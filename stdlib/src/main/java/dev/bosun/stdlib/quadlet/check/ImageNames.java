package dev.bosun.stdlib.quadlet.check;

import java.util.regex.Pattern;

/** Whether an image reference names its registry, as the generator's short-name warning decides. */
final class ImageNames {
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{64}");

    private ImageNames() {
    }

    static boolean isUnambiguous(String image) {
        if (IMAGE_ID.matcher(image).matches()) {
            return true;
        }
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String domain = image.substring(0, slash);
        return domain.equals("localhost") || domain.contains(".") || domain.contains(":");
    }
}
