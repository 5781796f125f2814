package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/** {@code .kube} → {@code podman kube play} with a service container, and {@code kube down} after stopping. */
final class KubeConverter {
    private KubeConverter() {
    }

    static void convert(Conversion c) {
        ServiceSkeleton.start(c);
        UnitDocument service = c.service;
        List<String> yaml = new ArrayList<>();
        // Before 5.7 Yaml= was one string (the last one), not a list.
        List<String> yamlKeys = c.release.multipleYaml() ? c.strv("Yaml")
                : c.value("Yaml").isEmpty() ? List.of() : List.of(c.value("Yaml"));
        if (yamlKeys.isEmpty()) {
            c.fail(null, "no Yaml key specified");
        }
        yamlKeys.forEach(y -> yaml.add(c.absolutePath(y)));
        ContainerConverter.killMode(c);
        service.add("Service", "Environment", "PODMAN_SYSTEMD_UNIT=%n");
        c.requireContainersMount();
        String serviceType = service.lookup("Service", "Type").orElse(null);
        if (serviceType != null && !serviceType.equals("notify") && !serviceType.equals("oneshot")) {
            c.fail("Service", "Type", "invalid service Type '" + serviceType + "'");
        }
        if (!"oneshot".equals(serviceType)) {
            service.set("Service", "Type", "notify");
            service.set("Service", "NotifyAccess", "all");
        }
        if (!c.unit.hasKey("Service", "SyslogIdentifier")) {
            service.set("Service", "SyslogIdentifier", "%N");
        }
        PodmanArgv play = c.command().add("kube", "play", "--replace", "--service-container=true");
        String propagation = c.value("ExitCodePropagation");
        if (!propagation.isEmpty()) {
            play.add("--service-exit-code-propagation=" + propagation);
        }
        ContainerConverter.logging(c, play);
        UserMappings.mappings(c, play, false);
        References.networks(c, play);
        for (String update : c.strv("AutoUpdate")) {
            String annotation = "--annotation=io.containers.autoupdate";
            int slash = update.indexOf('/');
            if (slash >= 0) {
                annotation += "/" + update.substring(0, slash);
                update = update.substring(slash + 1);
            }
            play.add(annotation + "=" + update);
        }
        c.strv("ConfigMap").forEach(m -> play.add("--configmap", c.absolutePath(m)));
        c.all("PublishPort").forEach(p -> play.add("--publish", p));
        c.addPodmanArgs(play);
        play.addAll(yaml);
        c.exec("ExecStart", play);

        // ExecStopPost, not ExecStop: the cleanup must also run when the start failed.
        PodmanArgv down = c.command().add("kube", "down");
        c.unit.lookupBoolean(c.group, "KubeDownForce").ifPresent(f -> down.addBool("--force", f));
        down.addAll(yaml);
        c.exec("ExecStopPost", down);
        WorkingDirectory.apply(c);
    }
}
