#!/usr/bin/env python3
"""Reads a classic IR test collection and writes it as three tab-separated
files for psql's \\copy (Python standard library only):

  docs.tsv     id, title, text (title and text as plain text)
  queries.tsv  qid, text
  qrels.tsv    qid, docid, gain  (gain > 0: relevant; see GAINS below)

  ir_collections.py cranfield|cisi|npl SOURCE_DIR OUT_DIR

The collections are not shipped with pg_review; get the files from any copy
of the classic SMART / Glasgow test collections and keep them outside the
repository (bench/relevance/README.md lists the expected file names).

Cranfield (1400 aerodynamics abstracts, 225 queries): cran.all.1400,
  cran.qry, cranqrel.  Fields .I (id) .T (title) .A (authors) .B
  (bibliography) .W (text).  The queries are numbered .I 001, 002, 004, ...
  in cran.qry but 1..225 in cranqrel: cranqrel's query n is the n-th query
  of cran.qry, which is the numbering used here.  cranqrel's third column is
  Cleverdon's relevance code, 1 (complete answer) to 4 (minimum interest);
  the gain is 5 - code, so 1 -> 4, 2 -> 3, 3 -> 2, 4 -> 1.  Every query
  also has exactly one document coded -1, which cranqrel.readme does not
  define: its ids rise with the query number (486, 486, 485, 488, ...), as
  the paper each question was drawn from would, and BM25 ranks it first for
  94 of the 225 queries.  qrels.tsv gives it gain 0 (not relevant: it is
  none of Cleverdon's codes, and trec_eval counts a negative grade as not
  relevant); qrels-source.tsv is the same with gain 5 for it (above a
  complete answer), the convention that reproduces the figures quoted in
  issue 13.
CISI (1460 library-science abstracts, 112 queries, 76 of them judged):
  CISI.ALL, CISI.QRY, CISI.REL.  Fields .I .T .A .B .W .X (.X: citation
  links, ignored); a query's text is its .W (55 queries also carry the .T
  .A .B of a paper, ignored).  CISI.REL is binary: gain 1.
NPL (11429 electronics abstracts, 93 queries): doc-text, query-text,
  rlv-ass; records end with a line holding "/".  No titles.  Binary: gain 1.
"""
import os
import re
import sys


def tsv_field(s):
    """A value in the text format of COPY."""
    return (s.replace('\\', '\\\\').replace('\t', '\\t')
            .replace('\n', '\\n').replace('\r', '\\r'))


def read_text(path):
    with open(path, encoding='utf-8', errors='replace', newline='') as f:
        return f.read().replace('\r\n', '\n').replace('\r', '\n')


FIELD = re.compile(r'^\.([A-Z])$')
ID = re.compile(r'^\.I\s+(\S+)$')


def smart_records(path, fields):
    """Records of the SMART format: a line '.I id' starts one, a line '.T'
    (any capital) starts a field; only the given fields are kept, a repeated
    field is appended to."""
    recs = []
    cur = None
    field = None
    for line in read_text(path).split('\n'):
        m = ID.match(line.rstrip())
        if m:
            cur = {'id': m.group(1)}
            recs.append(cur)
            field = None
            continue
        m = FIELD.match(line.rstrip())
        if m:
            field = m.group(1)
            continue
        if cur is not None and field in fields:
            cur[field] = cur.get(field, '') + '\n' + line
    for r in recs:
        for k in fields:
            r[k] = re.sub(r'\s+', ' ', r.get(k, '')).strip()
    return recs


SOURCE_GAIN = 5


def cranfield(src):
    docs = [(int(r['id']), r['T'], r['W'])
            for r in smart_records(os.path.join(src, 'cran.all.1400'), 'TW')]
    qrecs = smart_records(os.path.join(src, 'cran.qry'), 'W')
    queries = [(n + 1, r['W']) for n, r in enumerate(qrecs)]
    qrels = []
    for line in read_text(os.path.join(src, 'cranqrel')).split('\n'):
        p = line.split()
        if len(p) < 3:
            continue
        code = int(p[2])
        gain = 5 - code if 1 <= code <= 4 else 0
        qrels.append((int(p[0]), int(p[1]), gain, SOURCE_GAIN if code == -1 else gain))
    return docs, queries, qrels


def cisi(src):
    docs = [(int(r['id']), r['T'], r['W'])
            for r in smart_records(os.path.join(src, 'CISI.ALL'), 'TW')]
    queries = [(int(r['id']), r['W'])
               for r in smart_records(os.path.join(src, 'CISI.QRY'), 'W')]
    qrels = []
    for line in read_text(os.path.join(src, 'CISI.REL')).split('\n'):
        p = line.split()
        if len(p) >= 2:
            qrels.append((int(p[0]), int(p[1]), 1, 1))
    return docs, queries, qrels


def slash_records(path):
    """NPL records: an id line, then lines up to one holding only '/'."""
    recs = []
    lines = []
    for line in read_text(path).split('\n'):
        if line.strip() == '/':
            if lines:
                recs.append((int(lines[0].strip()), '\n'.join(lines[1:])))
            lines = []
        elif line.strip() or lines:
            lines.append(line)
    return recs


def npl(src):
    docs = [(i, '', re.sub(r'\s+', ' ', t).strip())
            for i, t in slash_records(os.path.join(src, 'doc-text'))]
    queries = [(i, re.sub(r'\s+', ' ', t).strip().lower())
               for i, t in slash_records(os.path.join(src, 'query-text'))]
    qrels = []
    for i, t in slash_records(os.path.join(src, 'rlv-ass')):
        for d in t.split():
            qrels.append((i, int(d), 1, 1))
    return docs, queries, qrels


READERS = {'cranfield': cranfield, 'cisi': cisi, 'npl': npl}


def main(argv):
    if len(argv) != 4 or argv[1] not in READERS:
        sys.exit('usage: ir_collections.py cranfield|cisi|npl SOURCE_DIR OUT_DIR')
    docs, queries, qrels = READERS[argv[1]](argv[2])
    out = argv[3]
    os.makedirs(out, exist_ok=True)
    ids = {d[0] for d in docs}
    if len(ids) != len(docs):
        sys.exit('%s: duplicate document ids' % argv[1])
    qids = {q[0] for q in queries}
    # Judgements of documents or queries the collection does not have (a
    # few in some copies) are dropped, and a pair judged twice keeps its
    # highest gain.  Each judgement: (qid, docid, gain, gain in
    # qrels-source.tsv).
    best = {}
    alt = {}
    for q, d, g, a in qrels:
        if q in qids and d in ids:
            best[(q, d)] = max(g, best.get((q, d), 0))
            alt[(q, d)] = max(a, alt.get((q, d), 0))
    with open(os.path.join(out, 'docs.tsv'), 'w', encoding='utf-8') as f:
        for i, t, w in docs:
            f.write('%d\t%s\t%s\n' % (i, tsv_field(t), tsv_field(w)))
    with open(os.path.join(out, 'queries.tsv'), 'w', encoding='utf-8') as f:
        for i, t in queries:
            f.write('%d\t%s\n' % (i, tsv_field(t)))
    with open(os.path.join(out, 'qrels.tsv'), 'w', encoding='utf-8') as f:
        for (q, d), g in sorted(best.items()):
            f.write('%d\t%d\t%d\n' % (q, d, g))
    if alt != best:
        with open(os.path.join(out, 'qrels-source.tsv'), 'w', encoding='utf-8') as f:
            for (q, d), g in sorted(alt.items()):
                f.write('%d\t%d\t%d\n' % (q, d, g))
    judged = {q for (q, d), g in best.items() if g > 0}
    print('%s: %d documents, %d queries (%d with a relevant document), %d judgements'
          % (argv[1], len(docs), len(queries), len(judged), len(best)))


if __name__ == '__main__':
    main(sys.argv)
