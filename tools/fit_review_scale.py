#!/usr/bin/env python3
"""Fit the detector's review scale on reviews (tools/data/reviews-fit.txt).

The text model (tools/fit_detector.py) is fitted on TV Tropes sentences,
which come without a review around them and without the verdicts a review
is mostly made of.  On reviews its logit is too flat: spoiler sentences
stand further from a review's judgements than from TV Tropes' plain trope
descriptions.  This script scores the fitting set's sentences with the
text model as built, as a review's pass 2 starts from (test/eval/detect_cli
texts: the length term held at its mean, no review priors) and fits
one logistic regression per sentence,

    logit = text * text logit + bias + position * (relative position - 0.5)
            + first * (first sentence of a review of several)

which rv_detect applies to English (and to the languages without a lexicon
of their own) in place of hand-set priors.  The warning line and the
marked-neighbour priors stay hand-set: the fitting set has neither.  The
spoiler-averse preset is the threshold at which the fitting set's
cross-validated scores (5 folds by review) reach recall 0.8.

Writes src/core/generated/rv_detect_review_scale.c.  Run by
make update-detector-weights after fit_detector.py, or alone after it.
"""
import argparse
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import fit_detector as fd  # noqa: E402

FIT_SET = os.path.join(HERE, 'data', 'reviews-fit.txt')
CLI = os.path.join(TOP, 'test', 'eval', 'detect_cli')
FOLDS = 5
AVERSE_RECALL = 0.8


def read_reviews(path):
    """[(review id, lang, warning, label, text)] in file order."""
    rows, rid, lang, warn = [], None, None, None
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if line.startswith('= '):
                _, rid, lang, warn = line.split()
            elif line[:2] in ('S ', 'N '):
                rows.append((rid, lang, warn, int(line[0] == 'S'), line[2:]))
    return rows


def cli_line(row):
    """A row of read_reviews as a detect_cli line (score, pages, texts)."""
    rid, lang, warn, y, t = row
    return '%s\t%s\t%s\t%d\t%s' % (rid, lang, warn, y, t.replace('\t', ' '))


def text_logits(rows):
    """Each sentence's text logit, as rv_detect computes it in a review
    before the review scale (detect_cli texts)."""
    out = subprocess.run([CLI, 'texts'], input='\n'.join(map(cli_line, rows)) + '\n',
                         capture_output=True, text=True, check=True).stdout.strip().split('\n')
    probs = [float(line.split('\t')[1]) for line in out]
    if len(probs) != len(rows):
        sys.exit('detect_cli texts returned %d scores for %d sentences (a sentence split in two?)'
                 % (len(probs), len(rows)))
    eps = 1e-7
    return [math.log(max(p, eps) / max(1 - p, eps)) for p in probs]


def inputs(rows, z):
    """(text logit, position - 0.5, first sentence) per sentence."""
    count = {}
    for r in rows:
        count[r[0]] = count.get(r[0], 0) + 1
    seen, xs = {}, []
    for r, zi in zip(rows, z):
        j = seen.get(r[0], 0)
        seen[r[0]] = j + 1
        n = count[r[0]]
        pos = j / (n - 1) if n > 1 else 0.5
        xs.append((zi, pos - 0.5, 1.0 if j == 0 and n > 1 else 0.0))
    return xs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--no-write', action='store_true')
    args = ap.parse_args()
    fd.build_cli()
    rows = read_reviews(FIT_SET)
    xs = inputs(rows, text_logits(rows))
    ys = [r[3] for r in rows]
    reviews = sorted(set(r[0] for r in rows))
    print('review scale: %d sentences (%d spoilers) in %d reviews'
          % (len(rows), sum(ys), len(reviews)))

    # Cross-validated by review: the figures and the averse threshold.
    cv = [0.0] * len(rows)
    for k in range(FOLDS):
        held = set(reviews[k::FOLDS])
        tr = [i for i, r in enumerate(rows) if r[0] not in held]
        c = fd.logistic([xs[i] for i in tr], [ys[i] for i in tr])
        for i, r in enumerate(rows):
            if r[0] in held:
                cv[i] = fd.sigmoid(fd.linear(c, [xs[i]])[0])
    averse = fd.threshold_for_recall(ys, cv, AVERSE_RECALL)
    at05, atav = fd.prf(ys, cv, 0.5), fd.prf(ys, cv, averse)
    text_only = [fd.sigmoid(x[0]) for x in xs]
    print('text logit alone: ROC AUC %.4f, at 0.5 precision %.3f recall %.3f'
          % ((fd.auc(ys, text_only),) + fd.prf(ys, text_only, 0.5)[:2]))
    print('review scale, %d folds by review: ROC AUC %.4f; at 0.5 precision %.3f recall %.3f; '
          'at %.3f (recall %.1f) precision %.3f recall %.3f'
          % ((FOLDS, fd.auc(ys, cv)) + at05[:2] + (averse, AVERSE_RECALL) + atav[:2]))
    c = fd.logistic(xs, ys)
    print('fitted on all: bias %.4f, text %.4f, position %.4f, first sentence %.4f' % tuple(c))
    if args.no_write:
        return 0
    with fd.generated('rv_detect_review_scale.c') as fh:
        fh.write('/*\n * rv_detect_review_scale.c\n'
                 ' *\t  The review scale of the English spoiler model: a sentence\'s logit in\n'
                 ' *\t  a review from its text logit, its position and whether it opens\n'
                 ' *\t  the review (rv_detect.c, pass 2), and the spoiler-averse preset.\n'
                 ' *\n * Generated by tools/fit_review_scale.py from tools/data/reviews-fit.txt\n'
                 ' * (%d sentences, %d spoilers, %d reviews written for pg_review), scored by\n'
                 ' * the text model of rv_detect_weights.c.  %d folds by review: ROC AUC %.4f;\n'
                 ' * at 0.5 precision %.3f, recall %.3f; at the averse threshold precision\n'
                 ' * %.3f, recall %.3f.  Do not edit by hand.\n */\n'
                 % ((len(rows), sum(ys), len(reviews), FOLDS, fd.auc(ys, cv)) + at05[:2]
                    + atav[:2]))
        fh.write('#include "rv_detect_int.h"\n\n')
        fd.write_floats(fh, 'rv_detect_scale_', ('bias', 'text', 'position', 'first'), c)
        fh.write('\n/* recall %.1f on the fitting set, cross-validated by review */\n'
                 % AVERSE_RECALL)
        fh.write('const float rv_detect_averse_threshold = %.3ff;\n' % averse)
    return 0


if __name__ == '__main__':
    sys.exit(main())
