// One of the concurrent allocators of the reliability runner: makes COUNT system users named TAGx0.. and gives
// each a sub-ID range, a connectivity mark and a loopback address, printing one JSON line per user with what it
// got (or the error of each step), so the runner can check that nothing was handed out twice or lost.
//   ./bosun --root R run bench/reliability/allocate.js TAG COUNT
import { users } from "bosun:users";
import { subids } from "bosun:subids";
import { marks } from "bosun:marks";
import { loopback } from "bosun:loopback";

const [tag, count = "10"] = args;
for (let i = 0; i < Number(count); i++) {
  const name = `${tag}x${i}`;
  const got = { name };
  const step = (what, f) => {
    try {
      f();
    } catch (e) {
      got[what + "Error"] = String(e.message ?? e);
    }
  };
  step("user", () => users.ensure({ name, system: true, shell: "/usr/sbin/nologin" }));
  step("subids", () => {
    const a = subids.allocate(name);
    got.uid = [a.uid.start, a.uid.count];
    got.gid = [a.gid.start, a.gid.count];
  });
  step("mark", () => {
    const c = marks.allocate({ type: "wireguard_ext", name });
    got.mark = c.mark;
    got.table = c.table;
    got.iface = c.iface;
  });
  step("address", () => {
    got.address = loopback.allocate(name).address;
  });
  console.log(JSON.stringify(got));
}
