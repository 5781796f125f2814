// AOT training run (mvn package): exercises what start-up and a first call load, so the JDK's AOT cache
// holds those classes already linked. Read-only: it changes nothing on the host.
import { host } from "bosun:host";
help();
help(host.info);
const info = host.info();
console.log(JSON.stringify(info));
console.log(files.exists("/etc/os-release"), [1, 2].map((x) => ({ x })).length);
try {
  files.read("relative/path");
} catch (e) {
  console.log(e instanceof TypeError);
}
