#!/usr/bin/env python3
"""Measures pg_review's spoiler detector with its own C code (detect_cli).

1. The evaluation set test/eval/reviews.txt (reviews written for pg_review,
   labelled by hand, never used for fitting): every review is scored in
   context by rv_detect, as review input does.
2. When ../shared/data/spoilers/tvtropes-train.csv is present: its
   validation fifth (the sentences tools/fit_detector.py never fits on),
   each sentence scored alone by the text model.
Prints N, precision, recall and F1 at the default threshold 0.5, and ROC AUC.
"""
import csv
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CLI = os.path.join(HERE, 'detect_cli')
sys.path.insert(0, os.path.join(TOP, 'tools'))
from fit_detector import auc, prf  # noqa: E402


def report(name, labels, scores, threshold=0.5):
    p, r, f = prf(labels, scores, threshold)
    print('%-44s N=%4d  spoilers=%3d  at %.1f: precision=%.3f  recall=%.3f  F1=%.3f  ROC AUC=%.3f'
          % (name, len(labels), sum(labels), threshold, p, r, f, auc(labels, scores)))


def own_set():
    rows, rid, lang, warn = [], None, None, None
    with open(os.path.join(HERE, 'reviews.txt'), encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if line.startswith('= '):
                _, rid, lang, warn = line.split()
            elif line[:2] in ('S ', 'N '):
                rows.append('%s\t%s\t%s\t%d\t%s' % (rid, lang, warn, line[0] == 'S', line[2:]))
    out = subprocess.run([CLI, 'score'], input='\n'.join(rows) + '\n', capture_output=True,
                         text=True, check=True).stdout.strip().split('\n')
    res = [(int(l.split('\t')[0]), float(l.split('\t')[1]), l.split('\t')[2]) for l in out]
    report('own reviews (in context), all languages', [x[0] for x in res], [x[1] for x in res])
    report('own reviews (in context), all languages', [x[0] for x in res], [x[1] for x in res], 0.3)
    en = [x for x in res if x[2] == 'en']
    other = [x for x in res if x[2] != 'en']
    report('own reviews, English', [x[0] for x in en], [x[1] for x in en])
    report('own reviews, Spanish/French/German', [x[0] for x in other], [x[1] for x in other])


def tvtropes():
    path = os.path.join(TOP, '..', 'shared', 'data', 'spoilers', 'tvtropes-train.csv')
    if not os.path.exists(path):
        print('TV Tropes data not present: skipped')
        return
    with open(path, newline='', encoding='utf-8') as fh:
        rows = [(r[0], r[1], int(r[2])) for r in csv.reader(fh) if len(r) == 3]
    val = [r for r in rows if int(hashlib.md5(r[0].encode()).hexdigest(), 16) % 5 == 0]
    text = ''.join(r[1].replace('\n', ' ').replace('\r', ' ') + '\n' for r in val)
    out = subprocess.run([CLI, 'sentence', 'en'], input=text, capture_output=True,
                         text=True, check=True).stdout.split()
    report('TV Tropes validation fifth (sentence alone)', [r[2] for r in val],
           [float(x) for x in out])


if __name__ == '__main__':
    own_set()
    tvtropes()
