package dev.bosun.stdlib.quadlet;

/**
 * One supported key of a Quadlet section.
 *
 * @param name       the key as written in the file
 * @param kind       how the generator reads it
 * @param deprecated true for keys Podman accepts but no longer documents as current
 * @param in5_4      present in Podman 5.4.2
 * @param in5_8      present in Podman 5.8.2 (keys missing here exist only in 6.0)
 * @param maps       what the key becomes on the podman command line
 */
public record KeyInfo(String name, ValueKind kind, boolean deprecated, boolean in5_4, boolean in5_8, String maps) {
}
