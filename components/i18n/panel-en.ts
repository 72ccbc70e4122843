/** The panel's English strings: a chunk of their own, loaded only when the UI is English. */
import type { Catalogue } from './panel-zh';

const en: Catalogue = {
  panelLabel: 'Panel discussion companion',
  title: 'Panel discussion · Companion',
  tabTranscript: 'Transcript',
  tabChapters: 'Chapters',
  tabGlossary: 'Glossary',
  tabSearch: 'Search',
  tabsLabel: 'Companion views',
  waitingPlayer: 'Waiting for the player…',
  playerNotFound: 'Player not found. Reload the page and try again.',
  loadError: 'Could not load the transcript: {detail}',
  timingEstimate: 'Timing: estimated from text length',
  timingSubtitles: 'Timing: aligned to Bilibili subtitles',
  timingAudio: 'Timing: aligned from the video’s audio',
  timingCalibrated: 'Timing: calibrated by you',
  timingHelp: 'If the highlight drifts, press “This line is now” on the line being spoken.',
  speakersInferred: 'Speaker labels are inferred from the discussion',
  backToNow: 'Back to now',
  collapse: 'Collapse panel',
  expand: 'Expand panel',
  seekTo: 'Jump to {time}',
  lineActions: 'More actions',
  originalLabel: 'Original ASR: ',
  nudgeEarlier: 'Everything 0.5 s earlier',
  nudgeLater: 'Everything 0.5 s later',
  resetTiming: 'Reset calibration',
  offsetLabel: 'Offset {value} s',
  uncertain: 'Uncertain: {note}',
  uncertainMark: 'uncertain',
  export: 'Export',
  timeReadout: 'Playback time',
  notStarted: 'The discussion has not started yet',
};

export default en;
