/**
 * Strings of the parts that load on demand (search, glossary, term popover, menus, overlay,
 * term card, the hint on other parts): shipped with those parts, not with the panel's first
 * load. Both languages, as these chunks are small and may be shown in either.
 */
import type { Locale } from './index';

const zh = {
  copyLine: '复制为 Markdown',
  copied: '已复制',
  copyFailed: '复制失败',
  showOriginal: '显示原始识别文本',
  hideOriginal: '隐藏原始识别文本',
  markNow: '此句正在说',
  chaptersLabel: '章节列表',
  chapterSource: '章节来源',
  chapterSourceTalk: '伴读整理',
  chapterSourceUploader: 'UP主章节',
  termMore: '更多',
  termLess: '收起',
  termMentions: '提及 {n} 处',
  termRelated: '相关术语',
  termLinks: '参考',
  termInTalk: '本场讨论中：',
  close: '关闭',
  glossaryFilter: '筛选术语',
  glossaryEmpty: '没有匹配的术语',
  searchLabel: '搜索',
  searchPlaceholder: '搜索字幕、说话人、术语（支持拼音）',
  searchEmpty: '没有找到“{q}”',
  searchHint: '输入关键词，例如：扩散、kuosan、scaling law',
  searchResults: '{n} 条结果',
  searchTerm: '术语',
  exportAs: '导出为 {format}',
  overlayLabel: '当前字幕',
  termCardLabel: '术语卡片',
  hintText: '本视频 P6「圆桌讨论」有同步字幕与术语解释。',
  hintLink: '前往 P6',
  hintDismiss: '关闭提示',
};

export type ViewKey = keyof typeof zh;

const en: Record<ViewKey, string> = {
  copyLine: 'Copy as Markdown',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  showOriginal: 'Show original ASR text',
  hideOriginal: 'Hide original ASR text',
  markNow: 'This line is now',
  chaptersLabel: 'Chapters',
  chapterSource: 'Chapter source',
  chapterSourceTalk: "Companion's",
  chapterSourceUploader: "Uploader's",
  termMore: 'More',
  termLess: 'Less',
  termMentions: '{n} mentions',
  termRelated: 'Related terms',
  termLinks: 'References',
  termInTalk: 'In this talk: ',
  close: 'Close',
  glossaryFilter: 'Filter terms',
  glossaryEmpty: 'No matching terms',
  searchLabel: 'Search',
  searchPlaceholder: 'Search transcript, speakers, terms (pinyin works)',
  searchEmpty: 'No results for “{q}”',
  searchHint: 'Type a word, e.g. 扩散, kuosan, scaling law',
  searchResults: '{n} results',
  searchTerm: 'Term',
  exportAs: 'Export as {format}',
  overlayLabel: 'Current line',
  termCardLabel: 'Term card',
  hintText: 'Part 6 of this video (the panel discussion) has a synced transcript with term explanations.',
  hintLink: 'Go to P6',
  hintDismiss: 'Dismiss hint',
};

export const VIEW_MESSAGES: Record<Locale, Record<ViewKey, string>> = { 'zh-CN': zh, en };
