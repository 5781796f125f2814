package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;

/** One problem {@code subids.check} found. */
@Doc("A problem in etc/subuid or etc/subgid")
public record Finding(
        @Doc("the file, e.g. /etc/subuid") String file,
        @Doc("1-based line number") int line,
        @Doc("overlap, orphan, out-of-range, malformed, blemish, duplicate or mismatch") String problem,
        @Doc("one line: what is wrong and why it matters") String explanation) {
}
