/** The player's control bar, as far as chapter ticks need it (a file of its own: only their chunk imports it). */
import { SELECTORS } from './selectors';

/** Bilibili hid its control bar (idle, or the pointer left), and the progress bar with it. */
export const controlsHidden = (container: Element): boolean => SELECTORS.controlsHidden.some((s) => container.matches(s));
