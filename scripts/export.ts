/**
 * npm run --silent export -- --format json|md|srt|vtt [--duration SECONDS] [--mode zh|en|bilingual]
 * Prints the talk to stdout with the estimated timeline (the same code the panel's export uses).
 */
import { EXPORT_FORMATS, exportTalk, type ExportFormat, type TextMode } from '../lib/export';
import { timedUnits } from '../lib/pack/source';
import { buildTimeline, DEFAULT_DURATION } from '../lib/timeline';
import { loadPack } from './pack-files';

const USAGE = 'usage: npm run --silent export -- --format json|md|srt|vtt [--duration SECONDS] [--mode zh|en|bilingual]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): { format: ExportFormat; duration: number; mode: TextMode } {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [key, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!key.startsWith('--')) fail(`unexpected argument: ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`missing value for ${key}`);
    opts.set(key.slice(2), value);
  }
  for (const k of opts.keys()) if (!['format', 'duration', 'mode'].includes(k)) fail(`unknown option --${k}`);
  const format = opts.get('format');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) fail('--format must be json, md, srt or vtt');
  const duration = opts.has('duration') ? Number(opts.get('duration')) : DEFAULT_DURATION;
  if (!Number.isFinite(duration) || duration <= 0) fail('--duration must be a positive number of seconds');
  const mode = opts.get('mode') ?? 'zh';
  if (!['zh', 'en', 'bilingual'].includes(mode)) fail('--mode must be zh, en or bilingual');
  return { format: format as ExportFormat, duration, mode: mode as TextMode };
}

// `… | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));

const { format, duration, mode } = parse(process.argv.slice(2));
const pack = loadPack();
const timeline = buildTimeline({
  units: timedUnits(pack),
  duration,
});
process.stdout.write(exportTalk(format, { pack, timeline, mode }));
