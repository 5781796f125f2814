package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

/**
 * A status, the apply that followed it, and the status after.
 *
 * @param before the drift found
 * @param apply  what was done about it
 * @param after  what is left (under dry-run: unchanged, nothing ran)
 */
@Doc("Status before, the apply, and status after.")
public record ReconcileResult(StatusResult before, ApplyResult apply, StatusResult after) {
}
