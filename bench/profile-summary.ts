// Where a V8 CPU profile (.cpuprofile, from `bench/run.ts --profile` or `node --cpu-prof`) spends its
// time: self time per module (npm package or source file), then the functions with the most self time;
// with --callers <module>, the calling stacks that make that module work.
// Main-thread JavaScript only: SQLite runs on worker threads and shows here as "(idle)" time.
//   node_modules/.bin/tsx bench/profile-summary.ts <file.cpuprofile>… [--top 15] [--callers typeorm]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Share {
  name: string;
  ms: number;
  share: string;
}

/** The npm package, our source file, or the Node/V8 internal a frame belongs to. */
function moduleOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName.startsWith('(') && frame.url === '') return frame.functionName;
  if (frame.url === '') return '(native)';
  const packaged = frame.url.lastIndexOf('node_modules/');
  if (packaged >= 0) {
    const parts = frame.url.slice(packaged + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? frame.url);
  }
  if (frame.url.startsWith('node:')) return frame.url;
  const ours = /\/(src-main|reference-central|bench|test)\/(.*)$/.exec(frame.url);
  return ours ? `${ours[1]}/${ours[2]}` : frame.url;
}

function top(totals: Map<string, number>, count: number, all: number): Share[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: `${((us / all) * 100).toFixed(1)} %` }));
}

/** Calls `visit(node, microseconds)` for every sample. */
function eachSample(profile: CpuProfile, visit: (node: ProfileNode, us: number) => void): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (node) visit(node, profile.timeDeltas[index] ?? 0);
  });
}

export function summariseProfile(
  profile: CpuProfile,
  count = 15,
): { totalMs: number; modules: Share[]; functions: Share[] } {
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  eachSample(profile, (node, us) => {
    total += us;
    const module = moduleOf(node.callFrame);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${module}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
  return {
    totalMs: Math.round(total / 1000),
    modules: top(byModule, count, total),
    functions: top(byFunction, count, total),
  };
}

/**
 * Time per calling stack (our functions and package names, innermost first, Node internals left out)
 * of the samples whose own module is `module`: who makes a package or internal do its work.
 */
export function callersOf(profile: CpuProfile, module: string, count = 10): Share[] {
  const parent = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const stacks = new Map<string, number>();
  let total = 0;
  eachSample(profile, (node, us) => {
    if (moduleOf(node.callFrame) !== module) return;
    total += us;
    const frames: string[] = [];
    for (let at = parent.get(node.id); at && frames.length < 5; at = parent.get(at.id)) {
      const owner = moduleOf(at.callFrame);
      if (owner === module || owner.startsWith('node:') || owner.startsWith('(')) continue;
      const ours = owner.startsWith('src-main') || owner.startsWith('reference-central');
      const name = ours ? `${at.callFrame.functionName || '(anonymous)'}@${owner.split('/').at(-1)}` : owner;
      if (frames.at(-1) !== name) frames.push(name);
    }
    const key = frames.join(' < ') || '(top)';
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  });
  return top(stacks, count, total);
}

if (process.argv[1]?.endsWith('profile-summary.ts')) {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '15' }, callers: { type: 'string' } },
    allowPositionals: true,
  });
  for (const file of positionals) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    if (values.callers) {
      console.log(`${file}: who calls ${values.callers}`);
      console.table(callersOf(profile, values.callers, Number(values.top)));
      continue;
    }
    const summary = summariseProfile(profile, Number(values.top));
    console.log(`${file}: ${summary.totalMs} ms sampled`);
    console.table(summary.modules);
    console.table(summary.functions);
  }
}
