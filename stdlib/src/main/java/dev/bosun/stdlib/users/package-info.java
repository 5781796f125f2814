/**
 * The {@code users} and {@code groups} modules: the read side parses the root's account files, every change
 * goes through shadow-utils with {@code --prefix} so locking, backups and the gshadow/shadow side stay
 * shadow's own, and a dry-run plans the exact diff.
 */
package dev.bosun.stdlib.users;
