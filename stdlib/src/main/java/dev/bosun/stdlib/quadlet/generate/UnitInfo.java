package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * What other units learn about a Quadlet unit: its service's name, the name of the podman resource it
 * creates (known up front for containers, builds and pods; set by the conversion for volumes, networks,
 * images and artifacts, so it stays empty when that conversion failed, as in Podman), and for a pod the
 * services of the containers to start with it.
 */
final class UnitInfo {
    private final String serviceName;
    private String resourceName;
    private final List<String> containersToStart = new ArrayList<>();

    UnitInfo(String serviceName, String resourceName) {
        this.serviceName = serviceName;
        this.resourceName = resourceName == null ? "" : resourceName;
    }

    /** The systemd unit name, e.g. {@code web-volume.service}. */
    String serviceFileName() {
        return serviceName + ".service";
    }

    String serviceName() {
        return serviceName;
    }

    String resourceName() {
        return resourceName;
    }

    void resourceName(String name) {
        this.resourceName = name;
    }

    List<String> containersToStart() {
        return containersToStart;
    }
}
