/**
 * Which audio callbacks hold the next stretch of sound. Measured in Chromium 156 (a 1 s busy
 * loop on a page running a ScriptProcessor): after the main thread was busy, the missed
 * callbacks fire at once with one playbackTime, each holding one of the last two buffers again —
 * stale sound that, stamped with the present, is heard twice. A callback counts only when the
 * audio clock moved on by about one buffer since the callback before (callbacks jitter by a
 * render quantum or two); the first one, and any after a gap, do not.
 */
export type CallbackGate = (playbackTime: number, bufferSeconds: number) => boolean;

export function createCallbackGate(): CallbackGate {
  let last = NaN;
  return (playbackTime, bufferSeconds) => {
    const step = playbackTime - last;
    last = playbackTime;
    // An engine without playbackTime: every callback counts, as it must.
    if (!Number.isFinite(playbackTime)) return true;
    return step > 0.5 * bufferSeconds && step < 1.5 * bufferSeconds;
  };
}
