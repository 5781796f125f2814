package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;
import dev.bosun.api.Nullable;

import java.util.List;

/**
 * What an apply did.
 *
 * @param netns    the namespace, or null for the host's
 * @param changed  false when the live state already matched
 * @param found    the drift it started from
 * @param commands the changes, one command each, exact and runnable on its own; they run batched (one ip batch
 *                 per family and phase, one nft batch), and the plan shows the batches exactly as they run
 * @param planned  processes that change the namespace (the batches, the sysctl), planned under dry-run and run
 *                 otherwise; 0 when nothing needed changing
 * @param executed processes that ran, the reads of the live state included: under dry-run only those reads
 * @param waiting  drift apply could not repair yet (e.g. a tunnel interface that does not exist)
 * @param foreign  rules outside Bosun's range that name its marks or tables (left alone)
 */
@Doc("The drift an apply found, the commands it planned or ran (batched), how many processes were planned and how "
        + "many ran, and what it could not repair yet.")
public record ApplyResult(@Doc("the namespace, or null for the host's") @Nullable String netns,
                          @Doc("false when the live state already matched") boolean changed,
                          @Doc("the drift it started from") List<Drift> found,
                          @Doc("the changes, one exact command each (they run batched)") List<String> commands,
                          @Doc("processes that change the namespace, planned (dry-run) or run") int planned,
                          @Doc("processes that ran, reads included; under dry-run only the reads") int executed,
                          @Doc("drift it could not repair yet") List<Drift> waiting,
                          @Doc("rules outside Bosun's range naming its marks or tables (left alone)") List<String> foreign) {
}
