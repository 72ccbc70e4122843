/**
 * npm run --silent align-audio -- FILE.(wav|webm|…) [--json] [--duration SECONDS]
 *
 * Listen to align, outside the browser: decode the file's audio (WAV natively, anything else
 * through ffmpeg), run the same feature extractor and aligner the extension runs, and print
 * the talk with starts aligned from that audio. --json prints the export CLI's JSON contract
 * (`npm run --silent export -- --format json`), with "timing": "audio" when the audio gave
 * anchors ("estimate" when it gave none); without it, a table. A summary goes to stderr.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { alignFromFeatures } from '../lib/audio/align';
import { exportTalk } from '../lib/export';
import { timedUnits } from '../lib/pack/source';
import { buildTimeline } from '../lib/timeline';
import { clock } from '../lib/time-format';
import { loadPack } from './pack-files';
import { featuresOf } from './synth/evaluate';
import { parseWav, type Pcm } from './synth/wav';

const USAGE = 'usage: npm run --silent align-audio -- FILE.(wav|webm) [--json] [--duration SECONDS]';
const DECODE_RATE = 16000;

function fail(message: string, code = 2): never {
  process.stderr.write(`align-audio: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function parse(argv: string[]): { file: string; json: boolean; duration: number | null } {
  let file: string | null = null;
  let json = false;
  let duration: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--duration' || arg.startsWith('--duration=')) {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      duration = Number(v);
      if (!Number.isFinite(duration) || duration <= 0) fail('--duration must be a positive number of seconds');
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (file === null) file = arg;
    else fail(`unexpected argument: ${arg}`);
  }
  if (file === null) fail('no audio file given');
  return { file, json, duration };
}

function decode(file: string): Pcm {
  if (!existsSync(file)) fail(`no such file: ${file}`, 1);
  if (!statSync(file).isFile()) fail(`not a file: ${file}`, 1);
  if (/\.wav$/i.test(file)) {
    try {
      return parseWav(readFileSync(file));
    } catch {
      // Not a WAVE layout we read (or not a WAVE at all): let ffmpeg try.
    }
  }
  let out: Buffer;
  try {
    out = execFileSync(
      process.env.FFMPEG_PATH ?? 'ffmpeg',
      ['-v', 'error', '-nostdin', '-i', file, '-vn', '-ac', '1', '-ar', String(DECODE_RATE), '-f', 'f32le', '-'],
      {
        maxBuffer: 2 ** 31,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') fail('ffmpeg is needed to decode this file and was not found on PATH (or set FFMPEG_PATH)', 1);
    const why = e.stderr?.toString().trim().split('\n').pop() ?? String(err);
    fail(`cannot decode ${file}: ${/does not contain any stream/.test(why) ? 'it has no audio stream' : why}`, 1);
  }
  if (out.length < 4) fail(`cannot decode ${file}: it has no audio stream`, 1);
  const samples = new Float32Array(out.buffer, out.byteOffset, Math.floor(out.length / 4));
  return { sampleRate: DECODE_RATE, samples: Float32Array.from(samples) };
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));

const { file, json, duration: given } = parse(process.argv.slice(2));
const pcm = decode(file);
const duration = given ?? pcm.samples.length / pcm.sampleRate;
if (!(duration > 0)) fail(`${file} holds no samples`, 1);
const t0 = performance.now();
const store = featuresOf(pcm);
const pack = loadPack();
const units = timedUnits(pack);
const result = alignFromFeatures(store.frames(), units, duration);
const ms = performance.now() - t0;
const aligned = result.anchors.length > 0;
const timeline = buildTimeline({ units, duration, aligned: aligned ? result.starts : null, alignedFrom: 'audio' });
process.stderr.write(
  `align-audio: ${(result.heardSeconds / 60).toFixed(1)} min heard, ${(result.speechSeconds / 60).toFixed(1)} min of speech, ` +
    `${result.anchors.length} of ${units.length} segments anchored` +
    (result.rate ? `, pace ${result.rate.toFixed(3)} × the cue model` : '') +
    `, ${(ms / 1000).toFixed(1)} s${aligned ? '' : ' — no confident anchors: times are the estimate'}\n`,
);
if (json) process.stdout.write(exportTalk('json', { pack, timeline }));
else {
  const conf = new Map(result.anchors.map((a) => [a.index, a.confidence]));
  const lines = pack.segments.map((s, i) => {
    const c = conf.get(i);
    return `${clock(timeline.starts[i] ?? 0).padStart(8)}  ${c === undefined ? '      ' : `${(c * 100).toFixed(0).padStart(3)}%  `}${s.id}  ${s.text}`;
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}
