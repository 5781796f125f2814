// The smallest useful Bosun script: look at the host, then write a file the safe way.
//   ./bosun run scripts/hello.js [GREETING]            # writes /etc/motd (atomically, audited)
//   ./bosun --dry-run run scripts/hello.js             # shows the plan with the diff, writes nothing
//   ./bosun --root /tmp/r run scripts/hello.js hi      # works on /tmp/r/etc/motd instead
import { host } from "bosun:host";
import { files } from "bosun:files";

const greeting = args[0] ?? "Welcome";
const info = host.info();
console.log(`${info.hostname}: ${info.distro ?? "unknown distribution"}, kernel ${info.kernel}`);

const motd = `${greeting} to ${info.hostname}.\nThis host is managed with Bosun; changes are audited.\n`;
const result = files.write("/etc/motd", motd, { mode: "0644" });
console.log(result.changed ? "updated /etc/motd" : "/etc/motd was already up to date");
