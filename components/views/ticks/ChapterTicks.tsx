import type { ReadonlySignal } from '@preact/signals';
import type { Box, Tick } from '../../../lib/chapter-ticks';
export { default as css } from './ticks.css?inline';

/** Where the bar is (viewport px) and its ticks; null hides them. */
export interface TickLayout {
  box: Box;
  ticks: Tick[];
}

/** Chapter ticks drawn over the player's progress bar: decorative (aria-hidden on the host), never hit. */
export function ChapterTicks({ layout }: { layout: ReadonlySignal<TickLayout | null> }) {
  const l = layout.value;
  if (!l) return null;
  const { left, top, width, height } = l.box;
  return (
    <div class="bar" style={{ left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` }}>
      {l.ticks.map((k) => (
        <i key={k.t} data-t={k.t.toFixed(1)} style={{ left: `${k.x}px` }} />
      ))}
    </div>
  );
}
