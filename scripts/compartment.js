// The command-line face of the compartments module: one rootless application as a declaration.
//
//   ./bosun run scripts/compartment.js plan   FILE   # what apply would change (nothing is changed)
//   ./bosun run scripts/compartment.js apply  FILE   # make the host so (a second apply changes nothing)
//   ./bosun run scripts/compartment.js status ID     # drift from the applied spec, services' state
//   ./bosun run scripts/compartment.js remove ID [--keep-volumes] [--force]
//   ./bosun run scripts/compartment.js export ID     # the spec JSON and a Podman .quadlets bundle
//   ./bosun run scripts/compartment.js import FILE [ID]   # spec JSON or .quadlets bundle -> apply
//   ./bosun run scripts/compartment.js               # demo: apply compartments/nginx.mjs
//
// FILE is a spec module next to this script (compartments/nginx.mjs, exporting the spec object) or an absolute path
// of a JSON spec (or, for import, a .quadlets bundle) on the host root. --dry-run and --root work as everywhere.
import { compartments } from "bosun:compartments";
import { files } from "bosun:files";

const [command = "apply", target = "compartments/nginx.mjs", ...rest] = args;

/** @param {string} file */
async function load(file) {
  if (file.endsWith(".mjs") || file.endsWith(".js")) {
    return (await import("./" + file.replace(/^\.\//, ""))).default;
  }
  if (!file.startsWith("/")) {
    throw new Error(`${file}: give a spec module next to this script (compartments/x.mjs) or an absolute path`);
  }
  return compartments.importSpec(files.read(file));
}

/** @param {{changes: {summary: string, diff?: string | null}[], warnings: string[]}} result */
function show(result) {
  for (const c of result.changes) {
    console.log(`  ${c.summary}`);
    if (c.diff) console.log(c.diff.replace(/^/gm, "      ").trimEnd());
  }
  for (const w of result.warnings) console.log(`  note: ${w}`);
}

switch (command) {
  case "plan": {
    const r = compartments.plan(await load(target));
    console.log(r.changed ? `compartment ${r.id}: apply would make ${r.changes.length} change(s)` : `compartment ${r.id}: up to date`);
    show(r);
    break;
  }
  case "apply": {
    const r = compartments.apply(await load(target));
    console.log(r.changed ? `compartment ${r.id}: applied (${r.changes.length} change(s))` : `compartment ${r.id}: up to date`);
    for (const w of r.warnings) console.log(`  note: ${w}`);
    break;
  }
  case "status": {
    const s = compartments.status(target);
    console.log(`compartment ${s.id} (${s.user}): ${s.clean ? "clean" : "drift"}`);
    show({ changes: s.drift, warnings: s.warnings });
    for (const u of s.services) console.log(`  ${u.unit}: ${u.activeState} (${u.subState})`);
    break;
  }
  case "remove": {
    const r = compartments.remove(target, { keepVolumes: rest.includes("--keep-volumes"), force: rest.includes("--force") });
    console.log(r.changed ? `compartment ${r.id}: removed` : `compartment ${r.id}: nothing recorded, nothing removed`);
    for (const w of r.warnings) console.log(`  note: ${w}`);
    break;
  }
  case "export": {
    const e = compartments.exportSpec(target);
    console.log(e.specJson.trimEnd());
    console.log("--- .quadlets bundle ---");
    console.log(e.bundle.trimEnd());
    break;
  }
  case "import": {
    if (!target.startsWith("/")) throw new Error(`${target}: import takes an absolute path on the host root`);
    const spec = compartments.importSpec(files.read(target), rest[0] ? { id: rest[0] } : undefined);
    const r = compartments.apply(spec);
    console.log(r.changed ? `compartment ${r.id}: imported and applied` : `compartment ${r.id}: up to date`);
    break;
  }
  default:
    throw new Error(`unknown command ${command}: plan FILE | apply FILE | status ID | remove ID | export ID | import FILE [ID]`);
}
