/**
 * The plain baseline every matching result is compared with, computed in the same run: TF-IDF
 * over character bigrams (log-scaled counts, smoothed IDF from the resource corpus), cosine
 * similarity, no dictionary, no categories. What a careful engineer would write in an hour.
 */

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const run of text.normalize('NFKC').toLowerCase().match(/[\p{Script=Han}\p{L}\p{N}]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

export interface Baseline {
  rank(query: string, limit: number): string[];
}

export function tfidfBaseline(docs: ReadonlyArray<{ id: string; text: string }>): Baseline {
  const counts = docs.map((d) => bigrams(d.text));
  const df = new Map<string, number>();
  for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = (g: string) => Math.log((1 + docs.length) / (1 + (df.get(g) ?? 0))) + 1;
  const vector = (c: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, n] of c) {
      const w = (1 + Math.log(n)) * idf(g);
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  };
  const vectors = counts.map(vector);
  return {
    rank(query, limit) {
      const q = vector(bigrams(query));
      return vectors
        .map((v, i) => {
          let s = 0;
          for (const [g, w] of q) s += w * (v.get(g) ?? 0);
          return { id: docs[i]!.id, s };
        })
        .filter((x) => x.s > 0)
        .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map((x) => x.id);
    },
  };
}
