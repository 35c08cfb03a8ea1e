#!/usr/bin/env python3
"""Fit the English spoiler-sentence model of pg_review's detector.

Reads the labelled TV Tropes sentences (Boyd-Graber, Glasgow and Zajac 2013,
training half; CC BY-NC-SA) from ../shared/data/spoilers/tvtropes-train.csv
beside the repository, splits off a fixed validation fifth (by a hash of the
sentence id), tokenizes every sentence with the detector's own C code
(test/eval/detect_cli, so fitting and scoring see the same tokens), and fits
a naive Bayes log-count-ratio model over binary word unigrams and bigrams
(Wang and Manning 2012), calibrated by a small logistic regression that
also weighs two neutral features (capitalized words after the first: named
characters; log length).  Smoothing, minimum count and pruning are chosen by
4-fold cross-validation on the training part only; ROC AUC, precision,
recall and F1 are reported on the validation part; the weights (ratios
times the calibrated scale) go to src/core/generated/rv_detect_weights.c.  Only derived numbers are
written; no sentence of the data set is.

Usage: python3 tools/fit_detector.py [--data PATH] [--no-write]
Standard library only.
"""
import argparse
import csv
import hashlib
import math
import os
import subprocess
import sys

TOP = subprocess.run(['git', 'rev-parse', '--show-toplevel'], capture_output=True,
                     text=True, cwd=os.path.dirname(os.path.abspath(__file__))).stdout.strip()
CLI = os.path.join(TOP, 'test', 'eval', 'detect_cli')

PRUNE = 0.02            # weights smaller than this are left out of the C table


def build_cli():
    subprocess.run(['make', '-s', '-C', TOP, 'test/eval/detect_cli'], check=True)


def tokenize(sentences):
    """Runs the C tokenizer; returns (names, words, tokens) per sentence."""
    text = ''.join(s.replace('\n', ' ').replace('\r', ' ') + '\n' for s in sentences)
    out = subprocess.run([CLI, 'tokens', 'en'], input=text, capture_output=True,
                         text=True, check=True).stdout.split('\n')
    res = []
    for line in out[:len(sentences)]:
        names, words, toks = line.split('\t')
        res.append((int(names), int(words), toks.split(' ') if toks else []))
    return res


def keys_of(tokens):
    keys = set(tokens)
    keys.update(a + ' ' + b for a, b in zip(tokens, tokens[1:]))
    return keys


def nb_ratios(indices, toks, labels, alpha, min_count):
    """Log-count ratios of binary features: log P(k | spoiler) / P(k | not)."""
    pos, neg = {}, {}
    npos = sum(1 for i in indices if labels[i])
    nneg = len(indices) - npos
    for i in indices:
        d = pos if labels[i] else neg
        for k in keys_of(toks[i][2]):
            d[k] = d.get(k, 0) + 1
    ratios = {}
    for k in set(pos) | set(neg):
        p, q = pos.get(k, 0), neg.get(k, 0)
        if p + q >= min_count:
            ratios[k] = (math.log((p + alpha) / (npos + 2 * alpha)) -
                         math.log((q + alpha) / (nneg + 2 * alpha)))
    return ratios


def raw_features(indices, toks, ratios):
    return [(sum(ratios.get(k, 0.0) for k in keys_of(toks[i][2])), float(toks[i][0]),
             math.log(1.0 + toks[i][1])) for i in indices]


def calibrate(feats, labels, epochs=200):
    """Logistic regression on (nb sum, names, log length) by gradient descent."""
    w = [0.0, 0.0, 0.0, 0.0]     # bias, nb scale, names, length
    n = len(feats)
    for _ in range(epochs):
        g = [0.0, 0.0, 0.0, 0.0]
        for (x1, x2, x3), y in zip(feats, labels):
            z = w[0] + w[1] * x1 + w[2] * x2 + w[3] * x3
            e = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            g[0] += e
            g[1] += e * x1
            g[2] += e * x2
            g[3] += e * x3
        for k in range(4):
            w[k] -= 0.5 * g[k] / n
    return w


def fit(indices, toks, labels, alpha, min_count, prune):
    ratios = nb_ratios(indices, toks, labels, alpha, min_count)
    ratios = {k: v for k, v in ratios.items() if abs(v) >= prune}
    w = calibrate(raw_features(indices, toks, ratios), [labels[i] for i in indices])
    return ratios, w


def logits(indices, toks, ratios, w):
    return [w[0] + w[1] * a + w[2] * b + w[3] * c for a, b, c in raw_features(indices, toks, ratios)]


def auc(labels, scores):
    pairs = sorted(zip(scores, labels))
    rank_sum, npos, i = 0.0, 0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        avg = (i + j + 1) / 2.0
        for k in range(i, j):
            if pairs[k][1]:
                rank_sum += avg
                npos += 1
        i = j
    nneg = len(pairs) - npos
    return (rank_sum - npos * (npos + 1) / 2.0) / (npos * nneg)


def prf(labels, scores, threshold):
    tp = sum(1 for y, s in zip(labels, scores) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores) if y and s < threshold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


# The table's hashes, as src/core/rv_detect_int.h computes them.
M64 = (1 << 64) - 1


def fnv_hash(b):
    h = 14695981039346656037
    for c in b:
        h = ((h ^ c) * 1099511628211) & M64
    return h or 1


def pair_hash(a, b):
    h = a ^ ((b * 0x9E3779B97F4A7C15) & M64)
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & M64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & M64
    return (h ^ (h >> 31)) or 1


def key_hash(key):
    """A unigram's hash, or a bigram's ("a b": tokens never hold a space)."""
    parts = key.encode().split(b' ')
    if len(parts) == 1:
        return fnv_hash(parts[0])
    return pair_hash(fnv_hash(parts[0]), fnv_hash(parts[1]))


def weight_table_c(table):
    """C for the open-addressing weight table of rv_detect.c: slots laid
    out here (linear probing, load <= 1/2, keys inserted in byte order), so
    that nothing is built at run time.  Keys of 256 bytes or more are left
    out; two keys with one 64-bit hash would stop the generator."""
    table = [(k, v) for k, v in table if len(k.encode()) < 256]
    size = 64
    while size < 2 * len(table):
        size *= 2
    mask = size - 1
    slots = [None] * size
    seen = {}
    blob, offsets = [], {}
    off = 0
    for k, v in table:
        kb = k.encode()
        offsets[k] = off
        blob.append(kb)
        off += len(kb) + 1
    assert off < (1 << 24), 'keys too long for 24-bit offsets'
    for k, v in table:
        h = key_hash(k)
        if h in seen:
            raise SystemExit('hash collision: %r and %r' % (seen[h], k))
        seen[h] = k
        i = h & mask
        while slots[i] is not None:
            i = (i + 1) & mask
        slots[i] = (h, offsets[k] << 8 | len(k.encode()), int(round(v * 10000)))
    out = ['const RvWeightSlot rv_detect_slots[] = {\n']
    for sl in slots:
        out.append('\t{0, 0, 0},\n' if sl is None else
                   '\t{0x%016xULL, 0x%xu, %d},\n' % sl)
    out.append('};\n\nconst uint32_t rv_detect_slot_mask = 0x%x;\n' % mask)
    out.append('const int\trv_detect_nweights = %d;\n\n' % len(table))
    out.append('/* The keys, NUL-separated, in byte order. */\nconst char rv_detect_keys[] =\n')
    for kb in blob:
        out.append('\t%s "\\0"\n' % c_bytes(kb))
    out.append('\t"";\n')
    return ''.join(out)


def c_bytes(b):
    """A C string literal of the bytes b (UTF-8 kept, quotes escaped)."""
    return c_string(b.decode())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=os.path.join(TOP, '..', 'shared', 'data', 'spoilers',
                                                   'tvtropes-train.csv'))
    ap.add_argument('--no-write', action='store_true')
    args = ap.parse_args()
    if not os.path.exists(args.data):
        print('no labelled data at %s: nothing to fit' % args.data)
        return 0

    with open(args.data, newline='', encoding='utf-8') as fh:
        rows = [(r[0], r[1], int(r[2])) for r in csv.reader(fh) if len(r) == 3]
    is_val = [int(hashlib.md5(r[0].encode()).hexdigest(), 16) % 5 == 0 for r in rows]
    build_cli()
    toks = tokenize([r[1] for r in rows])
    train_i = [i for i in range(len(rows)) if not is_val[i]]
    val_i = [i for i in range(len(rows)) if is_val[i]]
    print('sentences: %d train, %d validation' % (len(train_i), len(val_i)))

    labels = [r[2] for r in rows]

    # Model settings by 4-fold cross-validation on the training part.
    folds = [train_i[k::4] for k in range(4)]
    best = None
    for alpha in (0.5, 1.0):
        for min_count in (2, 3):
            for prune in (0.0, 0.4):
                aucs = []
                for k in range(4):
                    tr = [i for f in range(4) if f != k for i in folds[f]]
                    ratios, w = fit(tr, toks, labels, alpha, min_count, prune)
                    aucs.append(auc([labels[i] for i in folds[k]], logits(folds[k], toks, ratios, w)))
                mean = sum(aucs) / len(aucs)
                print('alpha=%g min_count=%d prune=%g  cross-validated AUC %.4f'
                      % (alpha, min_count, prune, mean))
                if best is None or mean > best[1]:
                    best = ((alpha, min_count, prune), mean)
    alpha, min_count, prune = best[0]

    ratios, w = fit(train_i, toks, labels, alpha, min_count, prune)
    val_labels = [labels[i] for i in val_i]
    val_logits = logits(val_i, toks, ratios, w)
    val_auc = auc(val_labels, val_logits)
    p, r, f = prf(val_labels, [sigmoid(z) for z in val_logits], 0.5)
    print('validation (%d sentences): ROC AUC %.4f; at 0.5: precision %.3f recall %.3f F1 %.3f'
          % (len(val_i), val_auc, p, r, f))

    # The C table holds each ratio times the calibrated scale.
    table = sorted(((k, w[1] * v) for k, v in ratios.items() if abs(w[1] * v) >= PRUNE),
                   key=lambda kv: kv[0].encode())
    vocab = ratios
    extra = (w[0], w[2], w[3])
    l2 = 'alpha %g, min count %d, prune %g' % (alpha, min_count, prune)
    print('features: %d fitted, %d kept (|w| >= %g)' % (len(vocab), len(table), PRUNE))
    if args.no_write:
        return 0
    out = os.path.join(TOP, 'src', 'core', 'generated', 'rv_detect_weights.c')
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('/*\n * rv_detect_weights.c\n *\t  Fitted weights of the English spoiler model: naive Bayes log-count\n'
                 ' *\t  ratios of word unigrams and bigrams, times a calibrated scale.\n'
                 ' *\n * Generated by tools/fit_detector.py from the TV Tropes spoiler sentences\n'
                 ' * (Boyd-Graber et al. 2013, training half, %d sentences used for fitting);\n'
                 ' * %s chosen by 4-fold cross-validation (AUC %.4f).  Validation fifth\n'
                 ' * (%d sentences, never fitted on): ROC AUC %.4f, precision %.3f, recall\n'
                 ' * %.3f, F1 %.3f at 0.5.  Do not edit by hand.\n */\n'
                 % (len(train_i), l2, best[1], len(val_i), val_auc, p, r, f))
        fh.write('#include "rv_detect_int.h"\n\n')
        fh.write('const float rv_detect_bias = %.6ff;\n' % extra[0])
        fh.write('const float rv_detect_w_names = %.6ff;\n' % extra[1])
        fh.write('const float rv_detect_w_length = %.6ff;\n\n' % extra[2])
        fh.write(weight_table_c(table))
    print('wrote %s' % out)
    return 0


if __name__ == '__main__':
    sys.exit(main())
