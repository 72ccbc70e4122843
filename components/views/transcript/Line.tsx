import type { VNode } from 'preact';
import type { Segment, Chapter } from '../../../lib/pack/types';
import type { Run } from '../../../lib/terms';

/** Term runs as vnodes (overlay chips and anywhere Preact renders terms). */
export function termRuns(runs: readonly Run[], marks: boolean): (VNode | string)[] {
  return runs.map((r, i) =>
    r.termId && marks ? (
      <button key={i} type="button" class="term" data-term-id={r.termId} aria-haspopup="dialog">
        {r.text}
      </button>
    ) : (
      r.text
    ),
  );
}

export interface LineOptions {
  lang: 'zh' | 'en' | 'bilingual';
  marks: boolean;
  seekLabel(time: string): string;
  originalLabel: string;
  uncertainLabel(note: string): string;
  uncertainMark: string;
  moreLabel: string;
}

export interface LineData {
  seg: Segment;
  time: string;
  zh: readonly Run[];
  en: () => readonly Run[];
  source: string;
  showOriginal: boolean;
}

type Attrs = Record<string, string>;

function el(doc: Document, tag: string, attrs: Attrs | null, ...children: (Node | string)[]): HTMLElement {
  const e = doc.createElement(tag);
  if (attrs) for (const k in attrs) e.setAttribute(k, attrs[k] as string);
  if (children.length) e.append(...children);
  return e;
}

function runsInto(doc: Document, parent: HTMLElement, runs: readonly Run[], marks: boolean): void {
  for (const r of runs) {
    // Text goes in as text nodes: nothing from the pack is ever parsed as markup.
    parent.append(
      r.termId && marks ? el(doc, 'button', { class: 'term', 'data-term-id': r.termId, 'aria-haspopup': 'dialog' }, r.text) : r.text,
    );
  }
}

/**
 * One transcript line, built straight into the DOM. The list has 305 of them: built as
 * vnodes they took ~30 ms to render, as nodes a fraction of that (bench: "first render").
 * Few nodes per line: the list's `lang` covers every line, buttons sit in no form (no `type`),
 * the ⋯ glyph is CSS. Clicks are delegated to the list; the highlight is an attribute.
 */
export function lineElement(doc: Document, d: LineData, o: LineOptions): HTMLElement {
  const line = el(
    doc,
    'div',
    { class: 'line', 'data-segment-id': d.seg.id },
    el(doc, 'button', { class: 'ts', 'aria-label': o.seekLabel(d.time) }, d.time),
  );
  if (o.lang !== 'en') {
    const p = el(doc, 'p', null);
    runsInto(doc, p, d.zh, o.marks);
    if (d.seg.uncertain) p.append(el(doc, 'span', { class: 'unc', title: o.uncertainLabel(d.seg.uncertain) }, o.uncertainMark));
    line.append(p);
  }
  if (o.lang !== 'zh') {
    const p = el(doc, 'p', { class: 'en', lang: 'en' });
    runsInto(doc, p, d.en(), o.marks);
    line.append(p);
  }
  if (d.showOriginal) line.append(el(doc, 'p', { class: 'orig' }, o.originalLabel, d.source.trim()));
  line.append(el(doc, 'button', { class: 'more', 'aria-label': o.moreLabel, 'aria-haspopup': 'menu' }));
  return line;
}

export function chapterHead(doc: Document, chapter: Chapter, first: number, time: string, title: string, seekLabel: string): HTMLElement {
  return el(
    doc,
    'h3',
    { class: 'chapter-head', 'data-chapter-head': chapter.id, 'data-start': String(first) },
    el(doc, 'button', { class: 'ts', 'aria-label': seekLabel }, time),
    el(doc, 'span', null, title),
  );
}

/** The speaker label; its note (how the label was inferred) is the tooltip. */
export function speakerChip(doc: Document, speakerId: string, name: string, note?: string): HTMLElement {
  return el(doc, 'div', note ? { class: `chip sp-${speakerId}`, title: note } : { class: `chip sp-${speakerId}` }, name);
}

export function section(doc: Document): HTMLElement {
  return el(doc, 'section', { class: 'turn' });
}
