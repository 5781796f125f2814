package dev.bosun.stdlib.files;

import dev.bosun.stdlib.effect.LocalHostContext;
import dev.bosun.stdlib.testing.ScratchRoot;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** files.list and files.stat as people read them: owner names from the root's accounts and ls -h sizes. */
class FilesListTest {
    @Test
    void ownersAreNamedFromTheRootsAccountsAndSizesAreReadable() throws Exception {
        try (ScratchRoot root = ScratchRoot.empty()) {
            root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
            root.write("/etc/group", "root:x:0:\nstaff:x:1000:\n");
            root.write("/srv/a.txt", "x".repeat(5000));
            root.write("/srv/b.txt", "hi");
            Files.setAttribute(root.path("/srv/a.txt"), "unix:uid", 1000);
            Files.setAttribute(root.path("/srv/a.txt"), "unix:gid", 1000);
            Files.setAttribute(root.path("/srv/b.txt"), "unix:uid", 4242);
            try (LocalHostContext ctx = root.context(false)) {
                List<FilesModule.FileInfo> list = new FilesModule().list(ctx, "/srv");
                FilesModule.FileInfo a = list.get(0);
                assertEquals(List.of("alice", "staff", "4.9K", 5000L, 1000), List.of(a.owner(), a.group(), a.sizeText(),
                        a.size(), a.uid()));
                FilesModule.FileInfo b = list.get(1);
                assertEquals(List.of("4242", "root", "2"), List.of(b.owner(), b.group(), b.sizeText()), "no name: the number");
                assertEquals("alice", new FilesModule().stat(ctx, "/srv/a.txt").owner());
            }
        }
    }

    @Test
    void sizesReadLikeLsMinusH() {
        assertEquals(List.of("0", "1023", "1.0K", "1.1K", "9.9K", "10K", "1023K", "1.0M", "1.0M", "5.0G"),
                List.of(Sizes.human(0), Sizes.human(1023), Sizes.human(1024), Sizes.human(1025), Sizes.human(10137),
                        Sizes.human(10138), Sizes.human(1047552), Sizes.human(1048575), Sizes.human(1048576),
                        Sizes.human(5L << 30)));
    }
}
