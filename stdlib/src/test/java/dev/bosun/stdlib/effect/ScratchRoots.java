package dev.bosun.stdlib.effect;

/** Test-side facts about the machine the tests run on. */
final class ScratchRoots {
    private ScratchRoots() {
    }

    static boolean isRoot() {
        return Identity.current().isRoot();
    }
}
