package dev.bosun.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sub-IDs as rootless Podman really uses them: a user with subids.allocate, a Quadlet container with the
 * UIDMap=/GIDMap= lines of subids.idMap running as container user N, and a helper user made for that user's
 * host uid (subids.helperUid). What the container writes into a host directory is owned on the host by the
 * helper user; container uid 65535 lands on the user's last sub-UID.
 */
@Lab
class SubIdsLabTest {
    private static final String OUT = "/srv/ids-out";

    @Test
    void containerUsersLandOnTheirHelperUsersAndTheLastSubUid(LabBox box) throws Exception {
        box.eval("users.ensure({name: 'ids', system: false, createHome: true, shell: '/usr/sbin/nologin'})");
        JsonNode ids = box.eval("subids.allocate('ids')");
        long lastSubUid = ids.get("uid").get("start").asLong() + ids.get("uid").get("count").asLong() - 1;
        long lastSubGid = ids.get("gid").get("start").asLong() + ids.get("gid").get("count").asLong() - 1;

        JsonNode helper = box.eval("subids.helperUid('ids', 33)");
        long helperUid = helper.get("hostUid").asLong();
        String helperName = helper.get("helperName").asText();
        box.eval("users.ensure({name: '" + helperName + "', uid: " + helperUid + ", system: true, shell: '/usr/sbin/nologin'})");
        box.eval("users.linger('ids', true)");
        box.await(r -> r.out().strip().equals("active"), 240,
                "systemctl", "--user", "-M", "ids@", "is-active", "bosun-lab-image.service");
        box.run("install", "-d", "-m", "1777", OUT);

        // One oneshot container per container user, each with the same ID map for container uids 33 and 65535.
        for (String user : new String[]{"33", "65535"}) {
            box.eval("""
                    const m = subids.idMap({user: 'ids', containerUids: ['33', '65535']});
                    const u = quadlet.container({name: 'ids-%1$s', image: 'localhost/bb', user: '%1$s:%1$s',
                      uidMap: m.uidMap, gidMap: m.gidMap, volume: ['%2$s:/out'],
                      exec: ['/bin/touch', '/out/by-%1$s'], service: {Type: 'oneshot', RemainAfterExit: 'yes'}});
                    quadlet.install('ids', u)""".formatted(user, OUT));
        }
        box.eval("systemd.daemonReload({user: 'ids'})");
        for (String user : new String[]{"33", "65535"}) {
            box.eval("systemd.start('ids-" + user + ".service', {user: 'ids'})");
        }

        long subGid33 = ids.get("gid").get("start").asLong() + 33;
        assertEquals(helperName + " " + helperUid + " " + subGid33,
                box.run("stat", "-c", "%U %u %g", OUT + "/by-33").strip(),
                "container user 33 is the helper user on the host, container group 33 the 33rd sub-GID");
        assertEquals(lastSubUid + " " + lastSubGid, box.run("stat", "-c", "%u %g", OUT + "/by-65535").strip(),
                "container uid 65535 is the last sub-UID, gid 65535 the last sub-GID");
        String lines = box.run("cat", "/home/ids/.config/containers/systemd/ids-33.container");
        for (JsonNode line : box.eval("subids.idMap({user: 'ids', containerUids: ['33', '65535']})").get("quadlet")) {
            assertEquals(true, lines.contains(line.asText() + "\n"), "the unit carries " + line + ":\n" + lines);
        }
    }
}
