#!/usr/bin/env python3
"""nDCG@10, MAP and P@10 of the rankings relevance.sql wrote, and of BM25
references computed here over the same terms (Python standard library only).

  evaluate.py [--name NAME] [--qrels FILE] [--per-query FILE] [--prox A,C,W] DIR
  evaluate.py --tune DIR [DIR ...]

DIR holds qrels.tsv (ir_collections.py; --qrels names another file of DIR,
e.g. Cranfield's qrels-source.tsv) and ranked.tsv, query_terms.tsv,
ts_terms.tsv, rv_terms.tsv, rv_len.tsv (relevance.sql).

Metrics, over the queries with at least one relevant document (a query
without candidates scores 0):
  nDCG@10  DCG = sum over ranks i = 1..10 of gain_i / log2(i + 1) (linear
           gains, as trec_eval), divided by the DCG of all the query's judged
           documents in the best order;
  MAP      mean over queries of average precision over the whole candidate
           list, relevant = gain > 0, divided by the number of relevant
           documents judged;
  P@10     relevant documents among the first 10.
Every ranking is sorted by score, descending, ties by document id.

References computed here:
  bm25_tsvector   BM25 over to_tsvector's lexemes (the terms ts_rank and
                  ts_rank_cd see), the same formula as relevance.sql's SQL
                  implementation, which it must reproduce;
  bm25_keywords   BM25 over pg_review's keywords (review_keywords, counts
                  from review_term_count, or from the tsvector for the few
                  keywords that do not stem to themselves; length = keyword
                  occurrences): the terms review_rank sees;
  bm25_prox       bm25_tsvector with first-mention and proximity evidence:
                  each term's BM25 part times 1 + A / (1 + first / C)
                  (first = the word position of its first occurrence, from
                  0), plus W times a BM25TP term-pair part (Rasolofo and
                  Savoy 2003): for each pair of distinct query terms, the
                  occurrences within 5 words of each other add 1 / d^2 to
                  tp, and the pair adds min(idf) * tp * (k1 + 1) / (tp + K)
                  with K the document's k1 * (1 - b + b * len / avglen);
  rank_idf        review_rank's formula (saturated tf, first mention, the
                  shortest cover of the matched terms) with BM25's idf as
                  each term's weight and the collection's average length in
                  place of 250 words, over to_tsvector's lexemes and positions;
  bm25_analyzeK   bm25_keywords with the document frequencies ANALYZE's
                  keyword statistics would give (review_typanalyze keeps the
                  K = 10 x statistics target most common keywords; the others
                  get review_matchsel's floor, min(0.5%, half the least kept
                  frequency)): BM25 from pg_statistic.
BM25: k1 1.2, b 0.75, idf = ln(1 + (N - df + 0.5) / (df + 0.5)), query
terms counted once.  --tune grids A, C, W of bm25_prox on the collections
given (never give it the acceptance collection, Cranfield) and prints the
best setting by mean nDCG@10.
"""
import argparse
import math
import os
import sys
from collections import defaultdict

K1 = 1.2
B = 0.75
PAIR_WINDOW = 5
# Keywords kept by ANALYZE: 10 x the statistics target (100 by default, at
# most 10000).
ANALYZE_KEEP = (1000, 10000)
# Tuned with --tune on CISI and NPL (see README.md): A, C, W.
DEFAULT_PROX = (0.5, 100.0, 0.25)


def unescape(s):
    """A field of COPY's text format."""
    if '\\' not in s:
        return s
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def pg_array(s):
    """Elements of a one-dimensional PostgreSQL array literal."""
    s = s.strip()
    if s in ('{}', '\\N'):
        return []
    assert s[0] == '{' and s[-1] == '}', s
    out = []
    i = 1
    while i < len(s) - 1:
        if s[i] == '"':
            j = i + 1
            buf = []
            while s[j] != '"':
                if s[j] == '\\':
                    j += 1
                buf.append(s[j])
                j += 1
            out.append(''.join(buf))
            i = j + 2
        else:
            j = s.index(',', i) if ',' in s[i:-1] else len(s) - 1
            out.append(s[i:j])
            i = j + 1
    return out


def rows(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            yield [unescape(x) for x in line.rstrip('\n').split('\t')]


class Collection:
    def __init__(self, d, qrels='qrels.tsv'):
        self.dir = d
        self.qrels = defaultdict(dict)
        for q, doc, g in rows(os.path.join(d, qrels)):
            self.qrels[int(q)][int(doc)] = int(g)
        self.queries = sorted(q for q, j in self.qrels.items() if any(g > 0 for g in j.values()))
        self.ranked = defaultdict(lambda: defaultdict(list))
        for m, q, doc, s in rows(os.path.join(d, 'ranked.tsv')):
            self.ranked[m][int(q)].append((float(s), int(doc)))
        self.qterms = {}
        for q, rv, ts in rows(os.path.join(d, 'query_terms.tsv')):
            self.qterms[int(q)] = (pg_array(rv), pg_array(ts))
        # tsvector side: lexeme -> {doc: sorted 0-based positions}
        self.ts_post = defaultdict(dict)
        self.ts_len = defaultdict(int)
        for doc, lex, pos in rows(os.path.join(d, 'ts_terms.tsv')):
            p = [int(x) - 1 for x in pg_array(pos)]
            self.ts_post[lex][int(doc)] = p
            self.ts_len[int(doc)] += len(p)
        # pg_review side: keyword -> {doc: count}
        self.rv_post = defaultdict(dict)
        self.rv_zero = 0
        for doc, kw, n in rows(os.path.join(d, 'rv_terms.tsv')):
            n = int(n)
            if n == 0:
                # The keyword does not stem to itself, so review_term_count
                # cannot count it: take the tsvector's count of the same
                # lexeme (the same Snowball stemmer), else once.
                self.rv_zero += 1
                n = len(self.ts_post.get(kw, {}).get(int(doc), ())) or 1
            self.rv_post[kw][int(doc)] = n
        self.rv_len = {int(doc): int(n) for doc, n in rows(os.path.join(d, 'rv_len.tsv'))}
        self.rv_pairs = sum(len(v) for v in self.rv_post.values())


def bm25_run(post, lengths, n_docs, terms, prox=None):
    """{doc: score} for the documents having one of terms."""
    avg = sum(lengths.values()) / max(len(lengths), 1)
    scores = defaultdict(float)
    idf = {}
    for t in terms:
        p = post.get(t)
        if not p:
            continue
        df = len(p)
        idf[t] = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
        for doc, occ in p.items():
            tf = occ if isinstance(occ, int) else len(occ)
            norm = K1 * (1 - B + B * lengths[doc] / avg)
            s = idf[t] * tf * (K1 + 1) / (tf + norm)
            if prox is not None:
                s *= 1 + prox[0] / (1 + occ[0] / prox[1])
            scores[doc] += s
    if prox is not None and prox[2] > 0:
        present = [t for t in terms if t in idf]
        for i, a in enumerate(present):
            pa = post[a]
            for b in present[i + 1:]:
                pb = post[b]
                w = min(idf[a], idf[b])
                small, large = (pa, pb) if len(pa) < len(pb) else (pb, pa)
                for doc, x in small.items():
                    y = large.get(doc)
                    if y is None:
                        continue
                    tp = pair_proximity(x, y)
                    if tp > 0:
                        norm = K1 * (1 - B + B * lengths[doc] / avg)
                        scores[doc] += prox[2] * w * tp * (K1 + 1) / (tp + norm)
    return scores


def analyze_df(post, n_docs, keep):
    """Document frequencies as ANALYZE's keyword statistics would give them
    (review_typanalyze, review_matchsel): the keep most common keywords
    exactly (no sampling error: these collections are smaller than ANALYZE's
    sample), every other keyword at min(0.005, half the least kept
    frequency) of the rows."""
    dfs = sorted(((len(p), k) for k, p in post.items()), reverse=True)
    kept = dict((k, df) for df, k in dfs[:keep])
    least = min(kept.values()) / n_docs if kept else 0.01
    floor = n_docs * min(0.005, least / 2)
    return {k: kept.get(k, floor) for k in post}


def bm25_fixed_df(post, lengths, n_docs, terms, df_of):
    avg = sum(lengths.values()) / max(len(lengths), 1)
    scores = defaultdict(float)
    for t in terms:
        p = post.get(t)
        if not p:
            continue
        df = df_of[t]
        idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
        for doc, tf in p.items():
            norm = K1 * (1 - B + B * lengths[doc] / avg)
            scores[doc] += idf * tf * (K1 + 1) / (tf + norm)
    return scores


def shortest_cover(lists):
    """Fewest words holding one position of every list (as review_rank)."""
    idx = [0] * len(lists)
    best = None
    while True:
        lo_i = min(range(len(lists)), key=lambda k: lists[k][idx[k]])
        lo = lists[lo_i][idx[lo_i]]
        hi = max(lists[k][idx[k]] for k in range(len(lists)))
        if best is None or hi - lo < best:
            best = hi - lo
        idx[lo_i] += 1
        if idx[lo_i] >= len(lists[lo_i]):
            return best


def rank_idf_run(post, lengths, n_docs, terms):
    """review_rank's formula (src/review_rank.c) with BM25's idf as each
    term's weight and the collection's average length instead of 250 words."""
    avg = sum(lengths.values()) / max(len(lengths), 1)
    per_doc = defaultdict(list)
    for t in terms:
        p = post.get(t)
        if not p:
            continue
        df = len(p)
        idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
        for doc, occ in p.items():
            per_doc[doc].append((idf, occ))
    scores = {}
    for doc, hits in per_doc.items():
        norm = 1 - B + B * lengths[doc] / avg
        s = 0.0
        for idf, occ in hits:
            tf = len(occ)
            s += idf * tf * (K1 + 1) / (tf + K1 * norm) * (1 + 0.5 / (1 + occ[0] / 20.0))
        if len(hits) > 1:
            s *= 1 + 1 / (1 + shortest_cover([o for _, o in hits]) / len(hits))
        scores[doc] = s
    return scores


def pair_proximity(x, y):
    """Sum of 1 / d^2 over occurrences of two terms at most PAIR_WINDOW words apart."""
    tp = 0.0
    j0 = 0
    for p in x:
        while j0 < len(y) and y[j0] < p - PAIR_WINDOW:
            j0 += 1
        j = j0
        while j < len(y) and y[j] <= p + PAIR_WINDOW:
            if y[j] != p:
                tp += 1.0 / ((y[j] - p) ** 2)
            j += 1
    return tp


def ordered(pairs):
    return [doc for s, doc in sorted(pairs, key=lambda x: (-x[0], x[1]))]


def metrics(c, run):
    """Mean nDCG@10, MAP, P@10 and candidates per query; run: {qid: [doc, ...]}."""
    nd = ap = p10 = cand = 0.0
    per = {}
    for q in c.queries:
        judged = c.qrels[q]
        docs = run.get(q, [])
        gains = [judged.get(doc, 0) for doc in docs]
        dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:10]))
        ideal = sorted(judged.values(), reverse=True)[:10]
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
        nrel = sum(1 for g in judged.values() if g > 0)
        hits = 0
        s = 0.0
        for i, g in enumerate(gains):
            if g > 0:
                hits += 1
                s += hits / (i + 1)
        q_nd = dcg / idcg
        per[q] = q_nd
        nd += q_nd
        ap += s / nrel
        p10 += sum(1 for g in gains[:10] if g > 0) / 10
        cand += len(docs)
    n = len(c.queries)
    return nd / n, ap / n, p10 / n, cand / n, per


def references(c, prox):
    n_docs = len(c.rv_len)
    runs = {}
    runs['bm25_tsvector'] = {q: ordered((s, d) for d, s in bm25_run(c.ts_post, c.ts_len, n_docs, ts).items())
                             for q, (rv, ts) in c.qterms.items()}
    runs['bm25_keywords'] = {q: ordered((s, d) for d, s in bm25_run(c.rv_post, c.rv_len, n_docs, rv).items())
                             for q, (rv, ts) in c.qterms.items()}
    runs['bm25_prox'] = prox_run(c, prox)
    runs['rank_idf'] = {q: ordered((s, d) for d, s in rank_idf_run(c.ts_post, c.ts_len, n_docs, ts).items())
                        for q, (rv, ts) in c.qterms.items()}
    for keep in ANALYZE_KEEP:
        df_of = analyze_df(c.rv_post, n_docs, keep)
        runs['bm25_analyze%d' % keep] = {
            q: ordered((s, d) for d, s in bm25_fixed_df(c.rv_post, c.rv_len, n_docs, rv, df_of).items())
            for q, (rv, ts) in c.qterms.items()}
    return runs


def prox_run(c, prox):
    n_docs = len(c.rv_len)
    return {q: ordered((s, d) for d, s in bm25_run(c.ts_post, c.ts_len, n_docs, ts, prox).items())
            for q, (rv, ts) in c.qterms.items()}


def report(c, name, prox, per_query):
    runs = {m: {q: ordered(p) for q, p in byq.items()} for m, byq in c.ranked.items()}
    runs.update(references(c, prox))
    order = ['review_bm25', 'review_rank', 'ts_rank', 'ts_rank_cd', 'bm25_sql_tsvector', 'bm25_tsvector',
             'bm25_keywords', 'bm25_prox', 'rank_idf'] + ['bm25_analyze%d' % k for k in ANALYZE_KEEP]
    methods = [m for m in order if m in runs] + sorted(m for m in runs if m not in order)
    print('%s: %d documents, %d judged queries; pg_review keywords %d (document, keyword) pairs, '
          '%d of them counted from the tsvector (the keyword does not stem to itself)'
          % (name, len(c.rv_len), len(c.queries), c.rv_pairs, c.rv_zero))
    print('  %-24s %8s %8s %8s %11s' % ('method', 'nDCG@10', 'MAP', 'P@10', 'candidates'))
    per = {}
    for m in methods:
        nd, ap, p10, cand, per[m] = metrics(c, runs[m])
        label = m if m != 'bm25_prox' else 'bm25_prox(%g,%g,%g)' % prox
        print('  %-24s %8.3f %8.3f %8.3f %11.1f' % (label, nd, ap, p10, cand))
    if 'bm25_sql_tsvector' in runs:
        same = sum(1 for q in c.queries
                   if runs['bm25_sql_tsvector'].get(q, [])[:10] == runs['bm25_tsvector'].get(q, [])[:10])
        print('  BM25 in SQL and in Python: the same first 10 for %d of %d queries' % (same, len(c.queries)))
    if per_query:
        with open(per_query, 'w') as f:
            f.write('qid\t' + '\t'.join(methods) + '\n')
            for q in c.queries:
                f.write('%d\t%s\n' % (q, '\t'.join('%.4f' % per[m][q] for m in methods)))


def tune(dirs):
    cols = [Collection(d) for d in dirs]
    grid = [(a, cc, w) for a in (0, 0.1, 0.25, 0.5) for cc in (5.0, 20.0, 100.0)
            for w in (0, 0.1, 0.25, 0.5, 1.0)]
    best = None
    print('A\tC\tW\t' + '\t'.join(os.path.basename(os.path.normpath(d)) for d in dirs) + '\tmean')
    for p in grid:
        if p[0] == 0 and p[1] != grid[0][1]:
            continue
        nds = [metrics(c, prox_run(c, p))[0] for c in cols]
        mean = sum(nds) / len(nds)
        print('%g\t%g\t%g\t%s\t%.4f' % (p + ('\t'.join('%.4f' % x for x in nds), mean)))
        if best is None or mean > best[0]:
            best = (mean, p)
    print('best (mean nDCG@10 %.4f): --prox %g,%g,%g' % ((best[0],) + best[1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dirs', nargs='+')
    ap.add_argument('--name')
    ap.add_argument('--per-query')
    ap.add_argument('--qrels', default='qrels.tsv')
    ap.add_argument('--prox', default=','.join('%g' % x for x in DEFAULT_PROX))
    ap.add_argument('--tune', action='store_true')
    a = ap.parse_args()
    if a.tune:
        tune(a.dirs)
        return
    if len(a.dirs) != 1:
        sys.exit('give one directory (or --tune)')
    prox = tuple(float(x) for x in a.prox.split(','))
    report(Collection(a.dirs[0], a.qrels), a.name or os.path.basename(os.path.normpath(a.dirs[0])), prox,
           a.per_query)


if __name__ == '__main__':
    main()
