/** The extension's own main-thread time, from a CDP sampling profile of the page. */
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) of samples whose top frame belongs to the extension. */
function extensionSelfTime(profile: Profile): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const url = byId.get(id)?.callFrame.url ?? '';
    if (url.startsWith('chrome-extension://')) total += (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
  });
  return total;
}

export async function profile<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<{ result: T; extensionMs: number }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, extensionMs: extensionSelfTime(p) };
}
