package dev.bosun.stdlib.overlay;

import dev.bosun.api.BosunException;
import dev.bosun.stdlib.effect.LocalHostContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child-process main: {@code CreateOnce ROOT NAME GOFILE|-} waits until GOFILE exists (so several
 * children start their create together), then runs overlay.create and prints {@code won}
 * (it changed the host), {@code same} (it found the overlay made) or {@code lost: <message>}.
 */
public final class CreateOnce {
    private CreateOnce() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        if (!args[2].equals("-")) {
            Path go = Path.of(args[2]);
            for (int i = 0; i < 6000 && !Files.exists(go); i++) {
                Thread.sleep(5);
            }
        }
        try (LocalHostContext ctx = LocalHostContext.open(root, false, null, "race")) {
            OverlayInfo info = new OverlayModule().create(ctx, args[1],
                    new CreateSpec(List.of("/lower"), List.of("/var/log"), null));
            System.out.println(info.changed() ? "won" : "same");
        } catch (BosunException e) {
            System.out.println("lost: " + e.getMessage());
        }
    }
}
