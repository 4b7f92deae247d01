import { describe, expect, it } from 'vitest';
import { compileDictionary, conceptsOfWord, DEFAULT_CONCEPTS } from './dictionary';
import { buildIndex, idf, search } from './rank';
import { analyse, termsOf } from './text';

describe('segmentation', () => {
  it('cuts Chinese into words with jieba, long words and their parts', () => {
    const t = analyse('小区下水道堵了').tf;
    expect(t.has('w:下水道')).toBe(true);
    expect(t.has('w:下水')).toBe(true);
    expect(t.has('w:小区')).toBe(true);
  });
  it('drops stop words and lone characters but keeps their bigrams', () => {
    const t = analyse('我们希望提供堵的服务').tf;
    expect(t.has('w:我们')).toBe(false);
    expect(t.has('w:服务')).toBe(false);
    expect(t.has('w:堵')).toBe(false);
    expect(t.has('b:堵的')).toBe(true);
  });
  it('counts repeated terms and the text length', () => {
    const a = analyse('垃圾分类 垃圾分类');
    expect(a.tf.get('w:垃圾')).toBe(2);
    expect(a.length).toBeGreaterThan(analyse('垃圾分类').length);
    expect(termsOf('垃圾分类 垃圾分类')).toEqual(termsOf('垃圾分类'));
  });
  it('normalises full-width letters and case', () => {
    expect(analyse('ＡＥＤ使用').tf.has('c:急救')).toBe(true);
  });
});

describe('synonyms and concepts', () => {
  it('meets everyday words and formal names in one concept, noting which words', () => {
    const resident = analyse('厕所返臭水');
    const unit = analyse('排水管网疏通');
    expect(resident.tf.has('c:下水道')).toBe(true);
    expect(unit.tf.has('c:下水道')).toBe(true);
    expect(resident.via.get('下水道')).toEqual(expect.arrayContaining(['返臭']));
    expect(unit.via.get('下水道')).toEqual(expect.arrayContaining(['排水', '管网', '疏通']));
  });
  it('matches a single character only when the segmenter makes it a word', () => {
    expect(analyse('下水道堵了').tf.has('c:下水道')).toBe(true);
    expect(analyse('堵塞').via.get('下水道')).toEqual(['堵塞']);
    expect(analyse('赌博').tf.has('c:下水道')).toBe(false);
  });
  it('takes the staff’s entries: a new word in a known concept, and a new concept', () => {
    const dict = compileDictionary([
      { concept: '下水道', words: ['马葫芦'] },
      { concept: '飞线', words: ['私拉电线', '飞线'] },
    ]);
    expect(conceptsOfWord(dict, '马葫芦')).toEqual(['下水道']);
    expect(analyse('楼下马葫芦冒水', dict).tf.has('c:下水道')).toBe(true);
    expect(analyse('楼下马葫芦冒水').via.get('下水道')).not.toContain('马葫芦');
    expect(analyse('有人私拉电线充电', dict).tf.has('c:飞线')).toBe(true);
    expect(dict.size).toBe(DEFAULT_CONCEPTS.length + 1);
  });
  it('ships a dictionary across community services', () => {
    const heads = DEFAULT_CONCEPTS.map((c) => c.concept);
    for (const h of ['下水道', '电梯', '老年人', '儿童', '法律', '医疗', '消防', '就业', '残疾人', '应急', '房屋安全', '教育']) expect(heads).toContain(h);
  });
});

describe('BM25', () => {
  it('learns term weights from the corpus: a rare term weighs more than a common one', () => {
    const docs = ['社区儿童绘本', '社区儿童书法', '社区儿童合唱', '社区防溺水教育'].map((t) => analyse(t));
    const index = buildIndex(docs);
    expect(idf(index, 'b:溺水')).toBeGreaterThan(idf(index, 'b:儿童'));
    const hits = search(index, analyse('儿童防溺水'));
    const best = [...hits.values()].sort((a, b) => b.score - a.score)[0]!;
    expect(best.doc).toBe(3);
  });
  it('touches only documents sharing a term', () => {
    const index = buildIndex([analyse('电梯维保'), analyse('绘本阅读')]);
    expect([...search(index, analyse('电梯困人')).keys()]).toEqual([0]);
  });
});
