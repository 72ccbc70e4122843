/** Time formatting shared by the panel and the exports. */

/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "HH:MM:SS<sep>mmm" from milliseconds, as SRT (",") and WebVTT (".") need. */
export function stamp(ms: number, sep: ',' | '.'): string {
  const v = Math.max(0, Math.round(ms));
  const h = Math.floor(v / 3_600_000);
  const m = Math.floor((v % 3_600_000) / 60_000);
  const s = Math.floor((v % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(v % 1000, 3)}`;
}

/** The video part's page, in the form the export contract uses (…/BV…?p=N). */
export const videoUrl = (video: { bvid: string; p: number }): string => `https://www.bilibili.com/video/${video.bvid}?p=${video.p}`;

/** Deep link to a moment of the talk (Bilibili takes whole seconds in `t`). */
export function talkLink(video: { bvid: string; p: number }, seconds: number): string {
  return `${videoUrl(video)}&t=${Math.max(0, Math.floor(seconds))}`;
}
