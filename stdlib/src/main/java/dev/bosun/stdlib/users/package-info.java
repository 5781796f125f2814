/**
 * The {@code users} and {@code groups} modules: the read side parses the root's account files, every change
 * goes through shadow-utils with {@code --prefix} so locking, backups and the gshadow/shadow side stay
 * shadow's own, and a dry-run plans the exact diff. Under an alternate root every tool run is preceded by
 * {@link dev.bosun.stdlib.users.ShadowPreflight}: {@code --prefix} follows links, so the paths it will touch
 * are checked to hold none (docs/architecture.md, "Tools on an alternate root").
 */
package dev.bosun.stdlib.users;
