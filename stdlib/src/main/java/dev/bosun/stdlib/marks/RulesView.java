package dev.bosun.stdlib.marks;

import dev.bosun.api.Doc;

import java.util.List;
import java.util.Map;

/**
 * The wanted state of one namespace as data and as the exact commands that create it from nothing.
 *
 * @param netns    the namespace, or null for the host's
 * @param rules    ip rules, as {@code ip rule show} prints them, prefixed by family
 * @param routes   routes in Bosun's tables
 * @param nft      the {@code inet bosun} table as an nft script ({@code nft -f -} input), or null with no connections
 * @param sysctls  sysctls set in the namespace
 * @param commands the commands, in order, each exact and runnable on its own: one per ip rule or route, one
 *                 {@code nft -f -} per statement of {@link #nft} with that statement as a bash here-string
 */
@Doc("Wanted ip rules, routes, nft table and sysctls of a namespace, with the commands that create them.")
public record RulesView(String netns, List<String> rules, List<String> routes, String nft, Map<String, String> sysctls,
                        List<String> commands) {
}
