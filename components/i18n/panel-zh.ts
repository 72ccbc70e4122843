/** The panel's Chinese strings: a chunk of their own, loaded only when the UI is Chinese. */
const zh = {
  panelLabel: '圆桌讨论伴读',
  title: '圆桌讨论 · 伴读',
  tabTranscript: '字幕',
  tabChapters: '章节',
  tabGlossary: '术语',
  tabSearch: '搜索',
  tabsLabel: '伴读视图',
  waitingPlayer: '正在等待播放器…',
  playerNotFound: '没有找到播放器。刷新页面后再试。',
  loadError: '讲稿载入失败：{detail}',
  timingEstimate: '时间：按字数估算',
  timingSubtitles: '时间：对齐自 B 站字幕',
  timingAudio: '时间：依据视频音频对齐',
  timingCalibrated: '时间：已手动校准',
  timingHelp: '如果高亮与讲话不同步，在正在说的那一句上点“此句正在说”。',
  speakersInferred: '说话人根据讨论内容推断',
  backToNow: '回到当前',
  collapse: '收起面板',
  expand: '展开面板',
  seekTo: '跳到 {time}',
  lineActions: '更多操作',
  originalLabel: '原始识别：',
  nudgeEarlier: '整体提前 0.5 秒',
  nudgeLater: '整体推后 0.5 秒',
  resetTiming: '重置校准',
  offsetLabel: '偏移 {value} 秒',
  uncertain: '不确定：{note}',
  uncertainMark: '存疑',
  export: '导出',
  timeReadout: '播放时间',
  notStarted: '讨论尚未开始',
};

/** The keys every panel catalogue has: the Chinese one is the reference. */
export type MessageKey = keyof typeof zh;
export type Catalogue = Record<MessageKey, string>;

export default zh;
