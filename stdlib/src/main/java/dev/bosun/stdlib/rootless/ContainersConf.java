package dev.bosun.stdlib.rootless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.bosun.api.BosunException;
import dev.bosun.api.Check;
import dev.bosun.api.Fs;

import java.io.IOException;

import java.util.ArrayList;
import java.util.List;

/**
 * The few containers.conf settings that decide whether rootless Podman works here, merged as containers.conf(5)
 * says: the vendor file, the administrator's file, their {@code .d} drop-ins in name order, then the user's own
 * files in {@code ~/.config/containers}; a later file's key wins. A file that cannot be read or parsed is named in
 * {@link #problems()} and skipped (Podman itself would refuse to start; the finding that reads the key says so).
 */
final class ContainersConf {
    private static final TomlMapper TOML = new TomlMapper();

    private String runtime;
    private String runtimeSource;
    private Long pidsLimit;
    private String pidsLimitSource;
    private String networkCmd;
    private String networkCmdSource;
    private final List<String> problems = new ArrayList<>();

    private ContainersConf() {
    }

    /** The merged settings for a user with this home (null: the system files only). */
    static ContainersConf read(Fs fs, String home) {
        ContainersConf conf = new ContainersConf();
        for (String path : conf.files(fs, home)) {
            SmallFile f = SmallFile.read(fs, path);
            if (f.problem() != null) {
                conf.problems.add(f.problem());
            } else if (f.present()) {
                conf.merge(path, f.text());
            }
        }
        return conf;
    }

    /** The files in the order Podman reads them; drop-in directories are listed in name order. */
    private List<String> files(Fs fs, String home) {
        List<String> files = new ArrayList<>();
        for (String base : bases(home)) {
            files.add(base + ".conf");
            String dropIns = base + ".conf.d";
            try {
                for (String name : fs.list(dropIns)) {
                    if (name.endsWith(".conf")) {
                        files.add(Fs.join(dropIns, name));
                    }
                }
            } catch (BosunException e) {
                problems.add(dropIns + ": " + e.getMessage());
            }
        }
        return files;
    }

    private static List<String> bases(String home) {
        List<String> bases = new ArrayList<>(List.of("/usr/share/containers/containers", "/etc/containers/containers"));
        if (home != null && home.startsWith("/")) {
            bases.add(Fs.join(home, ".config/containers/containers"));
        }
        return bases;
    }

    void merge(String path, String text) {
        JsonNode doc;
        try {
            doc = TOML.readTree(text);
        } catch (JsonProcessingException e) {
            // The original message only: the full one quotes the offending text, which the user may have written.
            problems.add(path + " is not valid TOML: " + Check.oneLine(firstLine(e.getOriginalMessage()), 200));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(path + " is not valid TOML");
            return;
        }
        JsonNode r = doc.path("engine").path("runtime");
        if (r.isTextual()) {
            runtime = r.asText();
            runtimeSource = path;
        }
        JsonNode p = doc.path("containers").path("pids_limit");
        if (p.isIntegralNumber()) {
            pidsLimit = p.asLong();
            pidsLimitSource = path;
        }
        JsonNode n = doc.path("network").path("default_rootless_network_cmd");
        if (n.isTextual()) {
            networkCmd = n.asText();
            networkCmdSource = path;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    /** [engine] runtime, or null when no file sets it (Podman's default is crun). */
    String runtime() {
        return runtime;
    }

    String runtimeSource() {
        return runtimeSource;
    }

    /** [containers] pids_limit, or null when no file sets it (Podman's default is 2048). */
    Long pidsLimit() {
        return pidsLimit;
    }

    String pidsLimitSource() {
        return pidsLimitSource;
    }

    /** [network] default_rootless_network_cmd, or null (Podman 5 defaults to pasta, 4 to slirp4netns). */
    String networkCmd() {
        return networkCmd;
    }

    String networkCmdSource() {
        return networkCmdSource;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
