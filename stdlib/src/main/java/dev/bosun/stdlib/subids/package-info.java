/**
 * The {@code subids} module: native parsing and writing of etc/subuid and etc/subgid, because choosing a
 * range and writing it must happen under one shadow-utils lock (quadletman's pitfall: choosing first and
 * running usermod later races with every other writer).
 */
package dev.bosun.stdlib.subids;
