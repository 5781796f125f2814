package dev.bosun.shell.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code bosun --version}: Bosun, API, JS engine and JVM versions. */
public final class Version implements IVersionProvider {
    public static String bosun() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/bosun/api/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("api.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bosun " + bosun(),
            "JS: GraalJS (polyglot " + org.graalvm.polyglot.Engine.class.getPackage().getImplementationVersion() + ")",
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version()};
    }
}
