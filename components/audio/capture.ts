/**
 * Listening to the page's own <video> for "listen to align": its audio is tapped with
 * `captureStream()` into Web Audio and reduced, as it plays, to per-frame levels by the pure
 * extractor in lib/audio (nothing is recorded; only the levels leave this file).
 *
 * The page's sound is untouched: captureStream() copies the element's output without
 * rerouting it (Chrome), and our graph ends in a silent gain node (a ScriptProcessor only runs
 * while connected to the destination). Firefox's mozCaptureStream() reroutes the element's
 * output into the stream instead, so there we do not listen (see `listenSupport`).
 *
 * A ScriptProcessor rather than an AudioWorklet: a worklet's module must be loaded from a URL
 * the page's CSP may refuse; 4096-sample buffers mean ~12 callbacks a second of ~0.1 ms each.
 */
import { createCallbackGate } from '../../lib/audio/callback-gate';
import { createFeatureExtractor, type FeatureChunk } from '../../lib/audio/features';

/** Audio that entered the graph less than this after a seek (or play) is not used (s). */
const SETTLE_SECONDS = 0.25;

export type ListenSupport = { ok: true } | { ok: false; reason: 'firefox' | 'no-capture' | 'no-web-audio' | 'not-video' };

type CapturableVideo = HTMLVideoElement & { captureStream?: () => MediaStream; mozCaptureStream?: () => MediaStream };

export function listenSupport(el: Element | null, win: Window): ListenSupport {
  if (!(el instanceof (win as Window & typeof globalThis).HTMLVideoElement)) return { ok: false, reason: 'not-video' };
  const v = el as CapturableVideo;
  if (typeof v.captureStream !== 'function') return { ok: false, reason: v.mozCaptureStream ? 'firefox' : 'no-capture' };
  if (typeof (win as Window & { AudioContext?: unknown }).AudioContext !== 'function') return { ok: false, reason: 'no-web-audio' };
  return { ok: true };
}

export interface Listening {
  /** Chunks of levels, in media time. */
  readonly sampleRate: number;
}

/**
 * Start listening; call from a user gesture (the AudioContext needs one). Everything stops with
 * `life`: the graph is disconnected, the captured track stopped and the context closed.
 */
export function listen(video: HTMLVideoElement, life: AbortSignal, onChunk: (c: FeatureChunk) => void): Listening {
  const stream = (video as CapturableVideo).captureStream!();
  const ctx = new AudioContext();
  // Visible to tests and the bench from the page (the user-timing buffer is the document's):
  // with listening off, this mark never exists.
  performance.mark('companion:audio-context');
  const extractor = createFeatureExtractor({ sampleRate: ctx.sampleRate });
  const processor = ctx.createScriptProcessor(4096, 1, 1);
  const mute = ctx.createGain();
  mute.gain.value = 0;
  let source: MediaStreamAudioSourceNode | null = null;

  const connect = (): void => {
    source?.disconnect();
    source = null;
    // A stream has no audio track until the element plays audio; tracks change on a new src.
    if (stream.getAudioTracks().length === 0) return;
    source = ctx.createMediaStreamSource(stream);
    source.connect(processor);
  };
  // After a seek the first buffers still hold audio from before it (the capture pipeline and the
  // processor's own buffer lag the element), stamped with the new time they would be wrong — a
  // user scrubbing then "hears" speech where there is none. Skip audio that entered the graph
  // before the seek settled (context time).
  let settledAt = 0;
  const settle = (): void => {
    settledAt = ctx.currentTime + SETTLE_SECONDS;
  };
  const fresh = createCallbackGate();
  processor.onaudioprocess = (e) => {
    // After a main-thread stall the missed callbacks re-deliver stale buffers (callback-gate.ts):
    // what came before is kept, the extractor restarts, and what was lost stays unheard.
    if (!fresh(e.playbackTime, e.inputBuffer.duration)) {
      for (const c of extractor.flush()) onChunk(c);
      extractor.reset();
      return;
    }
    if (video.paused || video.seeking) return;
    // The buffer's input ends about now (a full buffer is what fires this) and began a buffer earlier.
    if (ctx.currentTime - e.inputBuffer.duration < settledAt) return;
    const samples = e.inputBuffer.getChannelData(0);
    const rate = video.playbackRate || 1;
    // The buffer ends about now: its first sample played `samples.length / sampleRate` ago.
    const start = video.currentTime - (samples.length / ctx.sampleRate) * rate;
    for (const c of extractor.push(samples, start, rate)) onChunk(c);
  };
  processor.connect(mute);
  mute.connect(ctx.destination);
  connect();
  stream.addEventListener('addtrack', connect, { signal: life });
  const restart = (): void => extractor.reset();
  for (const type of ['seeking', 'pause', 'emptied', 'ratechange'] as const) video.addEventListener(type, restart, { signal: life });
  for (const type of ['seeked', 'play', 'emptied'] as const) video.addEventListener(type, settle, { signal: life });
  // The context may start suspended when the gesture was consumed elsewhere; resume on play.
  const resume = (): void => void ctx.resume().catch(() => undefined);
  video.addEventListener('play', resume, { signal: life });
  resume();

  life.addEventListener(
    'abort',
    () => {
      for (const c of extractor.flush()) onChunk(c);
      processor.onaudioprocess = null;
      source?.disconnect();
      processor.disconnect();
      mute.disconnect();
      stream.getTracks().forEach((t) => t.stop());
      // Marked like the creation, so tests see listening end with the session.
      void ctx.close().then(
        () => performance.mark('companion:audio-context-closed'),
        () => undefined,
      );
    },
    { once: true },
  );
  return { sampleRate: ctx.sampleRate };
}
