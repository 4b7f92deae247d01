/**
 * Chinese text to matching terms, with their counts. Three kinds of term:
 *   `w:` a word from jieba in search mode (segment.ts), stop words dropped;
 *   `b:` a character bigram of each run of Han characters (catches words the segmenter splits
 *        differently on each side, and names it does not know);
 *   `c:` a concept of the synonym dictionary (dictionary.ts): every group one of whose words the
 *        text contains, so 下水道返臭 and 排水管网疏通 share `c:下水道`.
 * How much each term counts is not fixed here: the ranker (rank.ts) learns it from the corpus.
 */
import { compileDictionary, type Dictionary } from './dictionary';
import { segmentWords } from './segment';

/** Words that say nothing about what is needed or offered. */
const STOP = new Set([
  '的', '了', '和', '与', '及', '或', '为', '在', '对', '向', '把', '被', '从', '到', '由', '是', '有', '也', '都', '并', '等', '个',
  '一', '二', '三', '次', '名', '位', '人', '户', '些', '这', '那', '其', '之', '以', '于', '上', '下', '中', '内', '外', '后', '前',
  '很', '太', '又', '还', '就', '要', '想', '能', '会', '让', '给', '着', '过', '吗', '呢', '吧', '啊', '不', '没', '我', '你', '他', '她', '它',
  '我们', '你们', '他们', '大家', '可以', '能够', '需要', '希望', '提供', '开展', '组织', '进行', '相关', '有关', '工作', '活动', '服务',
  '社区', '居民', '单位', '每周', '每月', '每年', '一次', '若干', '左右', '以上', '约', '共', '名额', '协助', '帮助', '参与', '问题',
  '情况', '目前', '现在', '一些', '很多', '许多', '经常', '总是', '老是', '一直', '比较', '非常', '特别', '已经', '还是', '如果', '因为',
  '所以', '但是', '没有', '不能', '不会', '怎么', '怎么办', '什么', '时候', '现在', '辖区', '本单位', '我单位', '我们的', '免费', '定期',
  '开设', '面向', '针对', '包括', '以及', '通过', '进入', '进社区', '负责', '承接', '可', '请', '急', '麻烦', '反映', '附近', '家里', '家中',
]);

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A text as counted terms, with the surface words that brought in each concept. */
export interface Analysis {
  tf: Map<string, number>;
  /** Sum of the counts (the document length for BM25). */
  length: number;
  /** concept → the words of this text that signalled it. */
  via: Map<string, string[]>;
}

const add = (tf: Map<string, number>, term: string, n = 1) => tf.set(term, (tf.get(term) ?? 0) + n);

function conceptsInto(t: string, words: readonly string[], dict: Dictionary, tf: Map<string, number>, via: Map<string, string[]>) {
  const note = (concepts: readonly string[], word: string) => {
    for (const c of concepts) {
      const seen = via.get(c);
      if (!seen) via.set(c, [word]);
      else if (!seen.includes(word)) seen.push(word);
      add(tf, `c:${c}`);
    }
  };
  for (let i = 0; i < t.length; i++) {
    for (let len = 2; len <= dict.maxLength && i + len <= t.length; len++) {
      const w = t.slice(i, i + len);
      const cs = dict.long.get(w);
      if (cs) note(cs, w);
    }
  }
  for (const w of words) {
    const cs = dict.single.get(w);
    if (cs) note(cs, w);
  }
}

let defaultDict: Dictionary | null = null;
/** The shipped dictionary alone (for texts analysed without the staff's entries). */
export function defaultDictionary(): Dictionary {
  return (defaultDict ??= compileDictionary());
}

/** Analyse a text: words, bigrams and concepts with their counts. */
export function analyse(text: string, dict: Dictionary = defaultDictionary()): Analysis {
  const t = normalise(text);
  const tf = new Map<string, number>();
  const words: string[] = [];
  for (const raw of segmentWords(t)) {
    const w = raw.trim();
    if (!w || !WORDLIKE.test(w)) continue;
    words.push(w);
    if (STOP.has(w) || w.length > 12) continue;
    if (HAN.test(w) && [...w].length === 1) continue; // single characters count through bigrams and the dictionary
    add(tf, `w:${w}`);
  }
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOP.has(bigram)) add(tf, `b:${bigram}`);
    }
  }
  const via = new Map<string, string[]>();
  conceptsInto(t, words, dict, tf, via);
  let length = 0;
  for (const n of tf.values()) length += n;
  return { tf, length, via };
}

/** The distinct terms of a text, sorted (what a need or resource row stores in `tokens`). */
export function termsOf(text: string): string[] {
  return [...analyse(text).tf.keys()].sort();
}

/** Readable form of a term: the word, the bigram or the concept's head word. */
export function termLabel(term: string): string {
  return term.slice(2);
}

/** Terms as stored in a row (space-separated: no term contains a space). */
export function packTerms(terms: readonly string[]): string {
  return terms.join(' ');
}

export function unpackTerms(stored: string): string[] {
  return stored ? stored.split(' ') : [];
}

/** The text a need is matched by (the title counts twice). */
export function needText(n: { title: string; description: string; beneficiaries?: string | null; materials?: string | null }): string {
  return [n.title, n.title, n.description, n.beneficiaries ?? '', n.materials ?? ''].join(' ');
}

/** The text a resource is matched by (the title counts twice). */
export function resourceText(r: { title: string; description: string; skills?: readonly string[] | null; availabilityNote?: string | null }): string {
  return [r.title, r.title, r.description, (r.skills ?? []).join(' '), r.availabilityNote ?? ''].join(' ');
}
