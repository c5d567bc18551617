// Reads a V8 CPU profile (.cpuprofile) into the few lines a person needs: where the time went,
// by function (self time) and by package.

/** The parts of a V8 CPU profile this reads. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
};

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\/.*?\/node_modules\//, "")
    .replace(/^file:\/\/.*?\/(src|bench)\//, "$1/")
    .replace(/^.*\/node_modules\//, "");

/** Which package, Node internal or source folder a frame belongs to. */
function groupOf(url: string, functionName: string): string {
  if (url.includes("node_modules/")) return url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1");
  if (url.startsWith("node:")) return "node (internals)";
  if (url.startsWith("wasm://")) return "wasm (PGlite's PostgreSQL)";
  if (url.startsWith("file://")) return shortUrl(url).split("/").slice(0, 3).join("/");
  return functionName || "(native)";
}

/** Self time by function and by package, as shares of all sampled time (idle included). */
export function summarizeProfile(profile: CpuProfile, top = 20) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  for (const t of time.values()) total += t;
  const functions = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const [id, t] of time) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + t);
    const group = groupOf(frame.url, frame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + t);
  }
  const share = (entries: Map<string, number>) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, percent: (t / total) * 100, ms: t / 1000 }));
  return { totalMs: total / 1000, functions: share(functions), packages: share(groups) };
}

/** The summary as text lines. */
export function formatSummary(summary: ReturnType<typeof summarizeProfile>): string {
  const line = (e: { name: string; percent: number }) => `${e.percent.toFixed(1).padStart(5)}%  ${e.name}`;
  return [
    `sampled ${summary.totalMs.toFixed(0)} ms`,
    "self time by package:",
    ...summary.packages.map(line),
    "self time by function:",
    ...summary.functions.map(line),
  ].join("\n");
}
