package dev.bosun.stdlib.quadlet.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code enableServiceFile}: what {@code systemctl enable} would link, since generated units cannot be
 * enabled. Alias= names (cleaned), and {@code X.wants/}, {@code X.requires/}, {@code X.upholds/} entries
 * for WantedBy=, RequiredBy=, UpheldBy= (plain unit names only). A template is linked only through its
 * DefaultInstance=.
 */
final class InstallLinks {
    private InstallLinks() {
    }

    static List<InstallLink> of(UnitDocument service, GeneratorRelease release, GeneratorLog log) {
        List<String> links = new ArrayList<>();
        for (String alias : service.lookupAllStrv("Install", "Alias")) {
            links.add(GoPaths.clean(alias));
        }
        String serviceFile = service.fileName();
        String ext = GoPaths.ext(serviceFile);
        String base = serviceFile.substring(0, serviceFile.length() - ext.length());
        int at = base.indexOf('@');
        if (at >= 0 && at == base.length() - 1) {
            var instance = service.lookup("Install", "DefaultInstance");
            serviceFile = instance.isPresent() && release.installsTemplates()
                    ? base.substring(0, at) + "@" + instance.get() + ext : "";
        }
        if (!serviceFile.isEmpty()) {
            dependents(service, "WantedBy", "wants", serviceFile, links);
            dependents(service, "RequiredBy", "requires", serviceFile, links);
            if (release.hasUpheldBy()) {
                dependents(service, "UpheldBy", "upholds", serviceFile, links);
            }
        }
        List<InstallLink> out = new ArrayList<>();
        for (String link : links) {
            String target = GoPaths.rel(GoPaths.dir(link), service.fileName());
            if (target == null) {
                log.info("Can't create symlink " + link + ": Rel: can't make " + service.fileName() + " relative to "
                        + GoPaths.dir(link));
                continue;
            }
            out.add(new InstallLink(link, target));
        }
        return out;
    }

    private static void dependents(UnitDocument service, String key, String dir, String serviceFile, List<String> links) {
        for (String unit : service.lookupAllStrv("Install", key)) {
            if (!unit.contains("/")) {
                links.add(unit + "." + dir + "/" + serviceFile);
            }
        }
    }
}
