package dev.bosun.stdlib.subids;

import dev.bosun.api.Doc;
import dev.bosun.api.Optional;

/** Filter of {@code subids.list}. */
@Doc("Filter of subids.list")
public record ListFilter(@Optional @Doc("'uid' or 'gid'; left out: both files") SubIdKind kind) {
}
