package dev.bosun.stdlib.quadlet.check;

/** How bad a finding is: an error makes Podman (or systemd) reject the unit; a warning does not. */
public enum Severity {
    ERROR("error"), WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
