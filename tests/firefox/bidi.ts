/**
 * A minimal WebDriver BiDi client for Firefox ESR (Playwright's own BiDi Firefox needs commands
 * ESR does not have yet). Enough to install the extension, serve the fixture site through
 * network interception, navigate and evaluate.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Json = Record<string, unknown>;

export interface Bidi {
  send<T = Json>(method: string, params?: Json): Promise<T>;
  on(event: string, cb: (params: Json) => void): void;
  close(): Promise<void>;
}

const PREFS = {
  // Quiet, offline-friendly profile: no update checks, telemetry or first-run pages.
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'extensions.update.enabled': false,
  'media.autoplay.default': 0,
  'network.dns.disablePrefetch': true,
};

export async function launchFirefox(executable = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'): Promise<Bidi> {
  const profile = mkdtempSync(join(tmpdir(), 'talk-ff-'));
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(PREFS)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const proc: ChildProcess = spawn(executable, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start:\n${err}`)), 30_000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/session`);
      }
    });
    proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${err}`)));
  });
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; method: string }>();
  const listeners = new Map<string, ((p: Json) => void)[]>();
  ws.onmessage = (ev) => {
    const msg = JSON.parse(String(ev.data)) as Json;
    if (typeof msg.id === 'number') {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.type === 'error') w?.reject(new Error(`${w.method}: ${String(msg.error)} ${String(msg.message)}`));
      else w?.resolve(msg.result);
    } else if (typeof msg.method === 'string') {
      for (const cb of listeners.get(msg.method) ?? []) cb(msg.params as Json);
    }
  };
  const bidi: Bidi = {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const n = ++id;
        waiting.set(n, { resolve: resolve as (v: unknown) => void, reject, method });
        ws.send(JSON.stringify({ id: n, method, params }));
      }),
    on(event, cb) {
      listeners.set(event, [...(listeners.get(event) ?? []), cb]);
    },
    async close() {
      await bidi.send('browser.close').catch(() => undefined);
      ws.close();
      await new Promise((r) => (proc.exitCode === null ? proc.on('exit', r) : r(null)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  await bidi.send('session.new', { capabilities: {} });
  return bidi;
}
