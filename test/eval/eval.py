#!/usr/bin/env python3
"""Measures pg_review's spoiler detector with its own C code (detect_cli).

1. The evaluation set test/eval/reviews.txt (reviews written for pg_review,
   labelled by hand, never used for fitting): every review is scored in
   context by rv_detect, as review input does; the English ones also by
   rv_detect_with_item with an empty item context (spoilers(r, ctx) for a
   title nobody has marked).
2. When ../shared/data/spoilers/tvtropes-train.csv is present: the part
   tools/fit_detector.py holds out by show (never fitted on, nothing tuned
   on it), scored by page: each block of consecutive ids is scored as one
   text, so the context stage sees a sentence's neighbours, without the
   review-level priors (position, warning, prior shift); and each sentence
   as a review of its own, as spoilers(r) scores it.
   The item context (spoilers(r, ctx)) on the same part: runs of
   fd.ITEM_GROUP ids stand for titles, the other labelled sentences of the
   run for the title's marked spoilers, the run for the review around a
   sentence; with its ablation (item context alone, neighbours alone, both),
   and thin contexts (only k spoilers of a run marked).
3. The ablation: each component turned off at scoring time (nothing
   refitted; tools/fit_detector.py prints the refitted ablation).
Prints N, precision, recall and F1 at the default threshold 0.5 (and at
the recall-0.8 and spoiler-averse thresholds), and ROC AUC.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
CLI = os.path.join(HERE, 'detect_cli')
sys.path.insert(0, os.path.join(TOP, 'tools'))
import fit_detector as fd  # noqa: E402
import fit_review_scale  # noqa: E402

PARTS = (('', 'the detector (text model + review priors)'),
         ('-words', 'without words'), ('-chars', 'without characters'),
         ('-cues', 'without cues'), ('-neutral', 'without neutral features'),
         ('-chars,-neutral,-cues', 'words only'), ('-words,-neutral,-cues', 'characters only'),
         ('+neighbours', 'with the context stage (off by default)'))


def constant(name):
    """A fitted constant, from the generated file that defines it."""
    for f in ('rv_detect_weights.c', 'rv_detect_review_scale.c'):
        with open(os.path.join(TOP, 'src', 'core', 'generated', f), encoding='utf-8') as fh:
            m = re.search(r'\b%s = ([-0-9.]+)f;' % name, fh.read())
        if m:
            return float(m.group(1))
    raise KeyError(name)


def report(name, labels, scores, threshold=0.5):
    p, r, f = fd.prf(labels, scores, threshold)
    print('%-46s N=%4d spoilers=%4d at %.3f: precision=%.3f recall=%.3f F1=%.3f ROC AUC=%.3f'
          % (name, len(labels), sum(labels), threshold, p, r, f, fd.auc(labels, scores)))


def run(mode, rows, parts=''):
    out = subprocess.run([CLI, mode] + ([parts] if parts else []), input='\n'.join(rows) + '\n',
                         capture_output=True, text=True, check=True).stdout.strip().split('\n')
    return [(int(l.split('\t')[0]), float(l.split('\t')[1]), l.split('\t')[2]) for l in out]


def own_set():
    rows = [fit_review_scale.cli_line(r)
            for r in fit_review_scale.read_reviews(os.path.join(HERE, 'reviews.txt'))]
    averse = constant('rv_detect_averse_threshold')
    res = run('score', rows)
    report('own reviews (in context), all languages', [x[0] for x in res], [x[1] for x in res])
    report('own reviews, spoiler-averse threshold', [x[0] for x in res], [x[1] for x in res],
           averse)
    en = [x for x in res if x[2] == 'en']
    other = [x for x in res if x[2] != 'en']
    report('own reviews, English', [x[0] for x in en], [x[1] for x in en])
    report('own reviews, Spanish/French/German', [x[0] for x in other], [x[1] for x in other])
    # spoilers(r, ctx) for a title nobody has marked yet: no evidence, so
    # the default path's scores, bit for bit.
    r = [x for x in run('score', rows, '+item') if x[2] == 'en']
    report('own reviews, English, empty item context', [x[0] for x in r], [x[1] for x in r])
    print('  empty item context equals the default path: %s'
          % ([x[1] for x in r] == [x[1] for x in en]))
    print('ablation, own reviews in English (ROC AUC):')
    for parts, name in PARTS:
        r = [x for x in run('score', rows, parts) if x[2] == 'en']
        print('  %-44s %.3f' % (name, fd.auc([x[0] for x in r], [x[1] for x in r])))


def tvtropes():
    if not os.path.exists(fd.DATA):
        print('TV Tropes data not present: skipped')
        return
    rows = fd.read_rows(fd.DATA)
    _, val = fd.split(rows)

    def tsv(review, i, label=None):
        """Sentence i as a detect_cli line of review `review`."""
        return '%d\ten\t0\t%s\t%s' % (review, rows[i][2] if label is None else label,
                                      rows[i][1].replace('\t', ' ').replace('\n', ' '))
    lines = [tsv(fd.block_of(rows[i][0]), i) for i in val]
    t80 = constant('rv_detect_recall80_threshold')
    res = run('pages', lines)
    labels, scores = [x[0] for x in res], [x[1] for x in res]
    report('TV Tropes held out by show (by page)', labels, scores)
    report('TV Tropes held out, recall-0.8 threshold', labels, scores, t80)
    # As spoilers(r) scores a review of one sentence (review priors on).
    alone = run('score', [tsv(k, i) for k, i in enumerate(val)])
    report('TV Tropes held out, each a review of its own', [x[0] for x in alone],
           [x[1] for x in alone])
    report('TV Tropes held out, each its own, spoiler-averse', [x[0] for x in alone],
           [x[1] for x in alone], constant('rv_detect_averse_threshold'))
    # Item context: runs of fd.ITEM_GROUP ids stand for titles, the other
    # labelled sentences of the run for the title's marked spoilers.
    item_lines = [tsv((rows[i][0] - 1) // fd.ITEM_GROUP, i) for i in val]
    r = run('item', item_lines)
    report('TV Tropes held out, item context + neighbours', [x[0] for x in r], [x[1] for x in r])
    print('ablation, TV Tropes held out with the item context (ROC AUC; precision/recall at 0.5):')
    for parts, name in (('-item', 'neighbours alone (the context stage)'),
                        ('-neighbours', 'item context alone'),
                        ('-blend', 'item context + neighbours, unblended'),
                        ('', 'item context + neighbours (spoilers(r, ctx))')):
        r = run('item', item_lines, parts)
        p, rc, _ = fd.prf([x[0] for x in r], [x[1] for x in r], 0.5)
        print('  %-44s %.3f  (%.3f / %.3f)' % (name, fd.auc([x[0] for x in r], [x[1] for x in r]),
                                              p, rc))
    # Thin contexts: only k spoilers of each run marked (fd.mark_rank order),
    # the others counted as unmarked sentences; against the default path
    # (the text logit alone).
    print('thin contexts, TV Tropes held out (ROC AUC; precision/recall at 0.5):')
    text = res  # the default path: each sentence's text logit
    for k in fd.EVIDENCE_LEVELS:
        marked = fd.thin_marks(val, rows, k)
        thin = [tsv(fd.item_group(rows[i][0]), i, '%d:%d' % (rows[i][2], i in marked))
                for i in val]
        line = '  %-10s' % ('all marks' if k is None else '%d marks' % k)
        r = run('item', thin, '')
        p, rc, _ = fd.prf([x[0] for x in r], [x[1] for x in r], 0.5)
        line += '  spoilers(r, ctx) %.3f (%.3f / %.3f)' % (fd.auc([x[0] for x in r],
                                                                  [x[1] for x in r]), p, rc)
        print(line)
    p, rc, _ = fd.prf([x[0] for x in text], [x[1] for x in text], 0.5)
    print('  %-10s  default path (text logit) %.3f (%.3f / %.3f)'
          % ('any', fd.auc([x[0] for x in text], [x[1] for x in text]), p, rc))
    print('ablation, TV Tropes held out by show (ROC AUC; precision/recall at 0.5):')
    for parts, name in PARTS:
        r = run('pages', lines, parts)
        p, rc, _ = fd.prf([x[0] for x in r], [x[1] for x in r], 0.5)
        print('  %-44s %.3f  (%.3f / %.3f)' % (name, fd.auc([x[0] for x in r], [x[1] for x in r]),
                                              p, rc))


if __name__ == '__main__':
    own_set()
    tvtropes()
