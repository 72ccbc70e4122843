import { describe, expect, it } from 'vitest';
import { controlsHidden } from '../../bilibili/controls';
import { findColumnMount, findMedia, findPlayerContainer, findProgressBar, isImmersive, screenMode } from '../../bilibili/dom';
import { ensurePlaced } from '../../bilibili/page-watcher';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html; // eslint-disable-line no-restricted-properties -- test fixture markup
  return doc;
}

const FULL = `
<div class="left-container"><div id="playerWrap"><div id="bilibili-player">
  <div class="bpx-player-container" data-screen="web"><div class="bpx-player-video-area"><div class="bpx-player-video-wrap"><video></video></div></div></div>
</div></div></div>
<div class="right-container"><div class="right-container-inner">
  <div class="up-panel-container"></div><div id="danmukuBox"></div><div class="video-pod"></div>
</div></div>`;

describe('page adapter: finding things', () => {
  it('finds the player container, the <video>, the screen mode', () => {
    const doc = page(FULL);
    expect(findPlayerContainer(doc)?.className).toBe('bpx-player-container');
    expect(findMedia(doc)).toMatchObject({ kind: 'video' });
    expect(screenMode(findPlayerContainer(doc))).toBe('web');
    expect(isImmersive('web') && isImmersive('full') && !isImmersive('wide')).toBe(true);
  });
  it('finds a <bwp-video> as such', () => {
    const doc = page('<div id="bilibili-player"><div class="bpx-player-video-area"><bwp-video></bwp-video></div></div>');
    expect(findMedia(doc)?.kind).toBe('bwp');
  });
  it('falls back through the player selectors', () => {
    expect(findPlayerContainer(page('<div id="bilibili-player"></div>'))?.id).toBe('bilibili-player');
    expect(findPlayerContainer(page('<div id="playerWrap"></div>'))?.id).toBe('playerWrap');
    expect(findPlayerContainer(page('<div></div>'))).toBeNull();
    expect(findMedia(page('<video></video>'))).toBeNull();
  });
  it('finds the progress bar inside the player, and says when the controls are hidden', () => {
    const doc = page(
      '<div class="bpx-player-container"><div class="bpx-player-control-wrap"><div class="bpx-player-progress"></div></div></div><div class="bpx-player-progress" id="elsewhere"></div>',
    );
    const player = findPlayerContainer(doc)!;
    expect(findProgressBar(player)?.className).toBe('bpx-player-progress');
    expect(findProgressBar(player)?.id).toBe('');
    expect(findProgressBar(page('<div class="bpx-player-container"></div>'))).toBeNull();
    expect(controlsHidden(player)).toBe(false);
    player.classList.add('bpx-state-no-cursor');
    expect(controlsHidden(player)).toBe(true);
    player.classList.remove('bpx-state-no-cursor');
    player.setAttribute('data-ctrl-hidden', 'true');
    expect(controlsHidden(player)).toBe(true);
    player.setAttribute('data-ctrl-hidden', 'false');
    expect(controlsHidden(player)).toBe(false);
  });
  it('treats unknown or missing data-screen as normal', () => {
    expect(screenMode(page('<div class="bpx-player-container" data-screen="theater"></div>').body.firstElementChild)).toBe('normal');
    expect(screenMode(null)).toBe('normal');
  });
  it('mounts above #danmukuBox, else after the uploader panel, else at the top of the column', () => {
    let doc = page(FULL);
    let m = findColumnMount(doc)!;
    expect((m.before as Element).id).toBe('danmukuBox');
    doc = page('<div class="right-container-inner"><div class="up-panel-container"></div><div class="x"></div></div>');
    m = findColumnMount(doc)!;
    expect((m.before as Element).className).toBe('x');
    doc = page('<div class="right-container"><div class="y"></div></div>');
    m = findColumnMount(doc)!;
    expect(m.parent.className).toBe('right-container');
    expect(findColumnMount(page('<div></div>'))).toBeNull();
  });
  it('in wide mode mounts below #danmukuBox (above it is under the wider player), else as in normal mode', () => {
    const doc = page(FULL);
    const m = findColumnMount(doc, 'wide')!;
    expect(m.before).toBe(doc.getElementById('danmukuBox')!.nextSibling);
    expect(m.parent).toBe(doc.getElementById('danmukuBox')!.parentElement);
    const noBox = page('<div class="right-container-inner"><div class="up-panel-container"></div><div class="x"></div></div>');
    expect((findColumnMount(noBox, 'wide')!.before as Element).className).toBe('x');
  });
  it('ensurePlaced puts a host in place once and leaves it there', () => {
    const doc = page(FULL);
    const host = doc.createElement('x-host');
    const m = findColumnMount(doc)!;
    ensurePlaced(host, m.parent, m.before);
    expect(host.nextElementSibling?.id).toBe('danmukuBox');
    const observer: MutationRecord[] = [];
    const mo = new MutationObserver((r) => observer.push(...r));
    mo.observe(doc.body, { childList: true, subtree: true });
    ensurePlaced(host, m.parent, m.before);
    expect(mo.takeRecords()).toHaveLength(0);
    mo.disconnect();
  });
});
