#!/usr/bin/env python3
"""Fit the English spoiler-sentence model of pg_review's detector.

Reads the labelled TV Tropes sentences (Boyd-Graber, Glasgow and Zajac 2013,
training half; CC BY-NC-SA) from ../shared/data/spoilers/tvtropes-train.csv
beside the repository and tokenizes every sentence with the detector's own C
code (test/eval/detect_cli, so fitting and scoring see the same tokens).

Split by show, fixed before anything is fitted: consecutive ids come from
the same TV Tropes page, so ids are cut into blocks of BLOCK and a block
goes to validation when md5(block number) % 5 == 0; training sentences
within GUARD ids of a validation block are left out, so that no page
straddling a block boundary is on both sides.  Everything is chosen on the
training part by 4-fold cross-validation over blocks (inner folds); the
validation part is scored once, at the end, and only reported.

The model, in the order rv_detect.c computes it:
  text     two models of the sentence alone, stacked: naive Bayes log-count
           ratios of binary word unigrams and bigrams (Wang and Manning
           2012), and a logistic regression on the sentence's hashed
           character n-grams (rv_detect_chars.c: 2 to 5 code points within
           space-padded folded words, 2^16 buckets, over sqrt(n-grams)),
           each bucket scaled by its own log-count ratio (NBSVM),
           which reaches what words cannot (inflections, names, numbers,
           quotes); their out-of-fold logits are calibrated by a logistic
           regression together with capitalized words after the first
           (named characters) and log length, the English cue lexicon's
           logit added at EN_CUE_SCALE;
  context  a logistic regression on the sentence's text logit and the
           weighted mean of its neighbours' (up to `reach` sentences either
           side, weight decay^(distance-1)), fitted on out-of-fold text
           logits, since a sentence's own logit is over-confident on the
           sentences it was fitted on.
  item     with an item context (spoilers(r, ctx)): a logistic regression on
           the text logit, the neighbours' weighted mean text logit (the
           sentence's own when it does not narrate: fewer than
           NEAR_MIN_WORDS words or a text logit below NEAR_MIN_TEXT, so that
           proximity alone never raises a short verdict), and the item
           features (see item_context) and the context's thinness t = K0 /
           (K0 + m) for m marked sentences, alone and times each item
           feature: a title whose readers marked few of its spoilers looks
           spoiler-light, its rate read from the marks.  Fitted on out-of-fold
           text logits over contexts pooled from every evidence level
           (EVIDENCE_LEVELS marks a title kept, see thin_item_context), so
           that it holds for thin contexts as for full ones; blended with the
           text logit by weight m / (m + k) (0 without marks: the default
           path; k 0: the item model alone whenever there is a mark); reach,
           decay, K0 and k chosen together by inner folds (fit_item_nb).
The context stage is written but off in rv_detect (it helps on TV Tropes
pages, where spoilers come in runs, and hurts on reviews); the evaluation
measures it.  Also printed: the ablation (components added one by one,
each refitted) and the item context measured on pages, alone and with the
neighbours (see item_context).

Only derived numbers are written (src/core/generated/rv_detect_weights.c);
no sentence of the data set is.

Usage: python3 tools/fit_detector.py [--data PATH] [--no-write]
The character model's fit needs NumPy and SciPy (Debian: python3-numpy,
python3-scipy); everything else, and what make eval imports, is the standard
library.
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


def default_data():
    """../shared/data/spoilers beside the repository; from a linked work tree
    (git worktree), beside the main one."""
    rel = os.path.join('..', 'shared', 'data', 'spoilers', 'tvtropes-train.csv')
    common = subprocess.run(['git', 'rev-parse', '--path-format=absolute', '--git-common-dir'],
                            capture_output=True, text=True, cwd=TOP).stdout.strip()
    for top in (TOP, os.path.dirname(common) if common else TOP):
        if os.path.exists(os.path.join(top, rel)):
            return os.path.join(top, rel)
    return os.path.join(TOP, rel)


DATA = default_data()

PRUNE = 0.02            # weights smaller than this are left out of the C table
BLOCK = 100             # ids per block of the split by show
GUARD = 25              # training ids this close to a validation block are left out
ITEM_GROUP = 50         # ids per "title" of the item-context measurement
CONTEXT_GRID = ((1, 1.0), (2, 1.0), (4, 0.7), (6, 0.7), (8, 0.8))   # neighbours (reach, decay)
ITEM_GRID = ((0, 1.0),) + CONTEXT_GRID      # the item model's; reach 0: no neighbours
NEAR_MIN_WORDS = 4      # rv_detect_int.h: a sentence narrates with at least this many words
NEAR_MIN_TEXT = -1.4    # rv_detect_int.h: and its own text logit at least this
EN_CUE_SCALE = 0.5      # rv_detect.c: the English cue lexicon, at half weight, not fitted
EVIDENCE_LEVELS = (0, 1, 2, 5, 10, None)    # marks a thin context keeps per group (None: all)
EVIDENCE_GRID = (0, 0.5, 1, 2, 5)           # the blend's evidence constant k (0: no blend)
THIN_GRID = (2, 5, 10)                      # K0 of the thinness t = K0 / (K0 + m)
CHAR_C_GRID = (1.0, 3.0, 10.0)              # inverse L2 penalty of the character model


def build_cli():
    subprocess.run(['make', '-s', '-C', TOP, 'test/eval/detect_cli'], check=True)


def read_rows(path):
    with open(path, newline='', encoding='utf-8') as fh:
        return [(int(r[0]), r[1], int(r[2])) for r in csv.reader(fh) if len(r) == 3]


def block_of(row_id):
    return (row_id - 1) // BLOCK


def is_validation_block(block):
    return int(hashlib.md5(str(block).encode()).hexdigest(), 16) % 5 == 0


def split(rows):
    """(train, validation) indices of the split by show (see the top)."""
    val = [is_validation_block(block_of(r[0])) for r in rows]
    ids = [r[0] for r in rows]
    val_ids = sorted(ids[i] for i in range(len(rows)) if val[i])
    import bisect

    def near_val(x):
        k = bisect.bisect_left(val_ids, x - GUARD)
        return k < len(val_ids) and val_ids[k] <= x + GUARD
    train = [i for i in range(len(rows)) if not val[i] and not near_val(ids[i])]
    return train, [i for i in range(len(rows)) if val[i]]


def inner_fold(block):
    return int(hashlib.md5(('inner %d' % block).encode()).hexdigest(), 16) % 4


def inner_split(train, rows, k):
    """The training part less inner fold k, and inner fold k."""
    return ([i for i in train if inner_fold(block_of(rows[i][0])) != k],
            [i for i in train if inner_fold(block_of(rows[i][0])) == k])


def tokenize(sentences):
    """Runs the C tokenizer; returns (names, words, cue logit, tokens) per sentence."""
    text = ''.join(s.replace('\n', ' ').replace('\r', ' ') + '\n' for s in sentences)
    out = subprocess.run([CLI, 'tokens', 'en'], input=text, capture_output=True,
                         text=True, check=True).stdout.split('\n')
    res = []
    for line in out[:len(sentences)]:
        names, words, cues, toks = line.split('\t')
        res.append((int(names), int(words), float(cues), toks.split(' ') if toks else []))
    return res


def char_buckets(sentences):
    """The character n-gram buckets of each sentence, one per n-gram (repeats
    included), by the C code (detect_cli chars)."""
    text = ''.join(s.replace('\n', ' ').replace('\r', ' ') + '\n' for s in sentences)
    out = subprocess.run([CLI, 'chars'], input=text, capture_output=True, text=True,
                         check=True).stdout.split('\n')
    return [[int(b) for b in line.split()] for line in out[:len(sentences)]]


def char_matrix(indices, chars):
    """The sentences' vectors: n-grams per bucket over sqrt(n-grams) (scipy
    CSR; repeated buckets are summed)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    ind, ptr, data = [], [0], []
    for i in indices:
        b = chars[i]
        ind += b
        data += [1.0 / math.sqrt(len(b))] * len(b)
        ptr.append(len(ind))
    x = csr_matrix((np.array(data), np.array(ind, dtype=np.int64), np.array(ptr)),
                   shape=(len(indices), 1 << CHAR_BITS))
    x.sum_duplicates()
    return x


CHAR_BITS = 16          # rv_detect_int.h RV_CHAR_BITS
CHAR_UNIT = 1e-3        # rv_detect_int.h RV_CHAR_WEIGHT_UNIT


def fit_chars(indices, chars, labels, c):
    """The character model: each bucket scaled by its naive Bayes log-count
    ratio r (of presence in a sentence, add-one; Wang and Manning's NBSVM),
    then an L2-penalized logistic regression (penalty |w|^2 / 2, loss times
    c; the bias not penalized) by L-BFGS.  The scaling is linear, so the
    weights returned are w * r: the C code sums them as they are.  Returns
    (weights, bias)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import expit
    x = char_matrix(indices, chars)
    y = np.array([labels[i] for i in indices], dtype=float)
    d = x.shape[1]
    present = (x > 0).astype(float)
    pos = np.asarray(present[y == 1].sum(0)).ravel() + 1.0
    neg = np.asarray(present[y == 0].sum(0)).ravel() + 1.0
    r = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
    x = x.multiply(r[None, :]).tocsr()

    def f(wb):
        z = x @ wb[:d] + wb[d]
        p = expit(z)
        loss = np.logaddexp(0.0, z) - y * z
        g = np.empty(d + 1)
        g[:d] = wb[:d] + c * (x.T @ (p - y))
        g[d] = c * (p - y).sum()
        return 0.5 * wb[:d] @ wb[:d] + c * loss.sum(), g
    res = minimize(f, np.zeros(d + 1), jac=True, method='L-BFGS-B',
                   options={'maxiter': 5000, 'gtol': 1e-6})
    return res.x[:d] * r, float(res.x[d])


def char_logits(indices, chars, cw):
    """The character model's logits of the sentences, as rv_detect_char_logit
    computes them (bias apart)."""
    w, b = cw
    return [b + sum(w[k] for k in chars[i]) / math.sqrt(len(chars[i])) if chars[i] else b
            for i in indices]


def keys_of(tokens):
    keys = set(tokens)
    keys.update(a + ' ' + b for a, b in zip(tokens, tokens[1:]))
    return keys


def nb_ratios(indices, keys, labels, alpha, min_count):
    """Log-count ratios of binary features: log P(k | spoiler) / P(k | not)."""
    pos, neg = {}, {}
    npos = sum(1 for i in indices if labels[i])
    nneg = len(indices) - npos
    for i in indices:
        d = pos if labels[i] else neg
        for k in keys[i]:
            d[k] = d.get(k, 0) + 1
    ratios = {}
    for k in set(pos) | set(neg):
        p, q = pos.get(k, 0), neg.get(k, 0)
        if p + q >= min_count:
            ratios[k] = (math.log((p + alpha) / (npos + 2 * alpha)) -
                         math.log((q + alpha) / (nneg + 2 * alpha)))
    return ratios


def solve(a, b):
    """Solves a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def logistic(xs, ys, ridge=1e-3, iters=25, offsets=None):
    """Logistic regression by Newton's method; returns [bias, w1, ...].
    offsets: a fixed term added to each row's logit (not fitted)."""
    d = len(xs[0]) + 1
    w = [0.0] * d
    offsets = offsets or [0.0] * len(xs)
    for _ in range(iters):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for x, y, off in zip(xs, ys, offsets):
            v = (1.0,) + tuple(x)
            z = off + sum(wi * vi for wi, vi in zip(w, v))
            p = sigmoid(z)
            e = p - y
            s = max(p * (1 - p), 1e-6)
            for i in range(d):
                g[i] += e * v[i]
                hi = h[i]
                for j in range(i, d):
                    hi[j] += s * v[i] * v[j]
        for i in range(d):
            for j in range(i):
                h[i][j] = h[j][i]
            if i > 0:
                h[i][i] += ridge * len(xs)
                g[i] += ridge * len(xs) * w[i]
        step = solve(h, g)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-6:
            break
    return w


# Components of the text model, for the ablation.  The cue lexicon is not
# fitted (rv_detect.c adds it at EN_CUE_SCALE, an offset of the stack):
# fitted together with the word ratios, which are over-confident on the
# sentences they were counted on, its weight came out negative, and
# reviews, which announce endings more plainly than TV Tropes sentences,
# lost most of their recall.
ALL = ('words', 'chars', 'neutral')


def word_sums(indices, keys, ratios):
    return {i: sum(ratios.get(k, 0.0) for k in keys[i]) for i in indices}


def oof_words(train, rows, keys, labels, alpha, min_count):
    """Out-of-fold word sums of the training part (inner folds)."""
    out = {}
    for k in range(4):
        tr, te = inner_split(train, rows, k)
        out.update(word_sums(te, keys, nb_ratios(tr, keys, labels, alpha, min_count)))
    return out


def oof_chars(train, rows, chars, labels, c):
    """Out-of-fold character logits of the training part (inner folds)."""
    out = {}
    for k in range(4):
        tr, te = inner_split(train, rows, k)
        out.update(zip(te, char_logits(te, chars, fit_chars(tr, chars, labels, c))))
    return out


def stack_inputs(i, l1, toks, parts):
    """The stack's inputs of sentence i; l1 maps index -> (word sum, char logit)."""
    x = []
    if 'words' in parts:
        x.append(l1[i][0])
    if 'chars' in parts:
        x.append(l1[i][1])
    if 'neutral' in parts:
        x += [float(toks[i][0]), math.log(1.0 + toks[i][1])]
    return x


def fit_stack(indices, l1, toks, labels, parts, cues=True):
    return logistic([stack_inputs(i, l1, toks, parts) for i in indices],
                    [labels[i] for i in indices],
                    offsets=[EN_CUE_SCALE * toks[i][2] for i in indices] if cues else None)


def stack_logits(indices, l1, toks, w, parts, cues=True):
    return [w[0] + sum(a * b for a, b in zip(w[1:], stack_inputs(i, l1, toks, parts)))
            + (EN_CUE_SCALE * toks[i][2] if cues else 0.0) for i in indices]


def oof_text(train, rows, l1, toks, labels, parts, cues=True):
    """Out-of-fold text logits of the training part: the stack of each inner
    fold fitted on the other folds' out-of-fold inputs (cross-fitted)."""
    z = {}
    for k in range(4):
        tr, te = inner_split(train, rows, k)
        w = fit_stack(tr, l1, toks, labels, parts, cues)
        z.update(zip(te, stack_logits(te, l1, toks, w, parts, cues)))
    return z


def neighbour_mean(indices, z, rows, reach, decay, group=block_of):
    """Weighted mean of the text logits of each sentence's neighbours in the
    same group of ids (a block: the review of a TV Tropes sentence); z maps
    index -> logit."""
    out = []
    for i in indices:
        b = group(rows[i][0])
        s = ws = 0.0
        w = 1.0
        for d in range(1, reach + 1):
            for j in (i - d, i + d):
                if 0 <= j < len(rows) and j in z and group(rows[j][0]) == b:
                    s += w * z[j]
                    ws += w
            w *= decay
        out.append(s / ws if ws else z[i])
    return out


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


def threshold_for_recall(labels, probs, recall):
    """The highest threshold whose recall reaches `recall`."""
    pos = sorted((p for y, p in zip(labels, probs) if y), reverse=True)
    return pos[max(0, math.ceil(recall * len(pos)) - 1)]


def write_floats(fh, prefix, names, values):
    """One float constant of the weights file per name, in order."""
    for name, v in zip(names, values):
        fh.write('const float %s%s = %.6ff;\n' % (prefix, name, v))


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


def generated(name):
    """The generated source file src/core/generated/NAME, open for writing."""
    path = os.path.join(TOP, 'src', 'core', 'generated', name)
    print('writing %s' % path)
    return open(path, 'w', encoding='utf-8')


def c_bytes(b):
    """A C string literal of the bytes b (UTF-8 kept, quotes escaped)."""
    return c_string(b.decode())


def fit_context(train, z, rows, labels, reach, decay):
    nb = neighbour_mean(train, z, rows, reach, decay)
    return logistic([(z[i], n) for i, n in zip(train, nb)], [labels[i] for i in train])


def context_logits(indices, z, rows, c, reach, decay):
    nb = neighbour_mean(indices, z, rows, reach, decay)
    return [c[0] + c[1] * z[i] + c[2] * n for i, n in zip(indices, nb)]


def item_context(indices, rows):
    """Item context measured on pages, by the C code (detect_cli item): each
    run of ITEM_GROUP ids (within one block, so never across the split)
    stands for a title, the other labelled sentences of the run (among
    `indices`) for the marked spoilers of the title's other reviews.
    Returns (specificity, rate) per sentence (see src/core/rv_detect_item.c)."""
    lines = ['%d\ten\t0\t%d\t%s' % ((rows[i][0] - 1) // ITEM_GROUP, rows[i][2],
                                      rows[i][1].replace('\t', ' ').replace('\n', ' ').replace('\r', ' '))
             for i in indices]
    return [(f[0], f[1]) for f in item_features(lines)]


def item_group(row_id):
    return (row_id - 1) // ITEM_GROUP


def narrates(i, z, toks):
    """rv_detect_narrates: at least NEAR_MIN_WORDS words and a text logit of
    at least NEAR_MIN_TEXT (a short verdict is not raised by proximity)."""
    return toks[i][1] >= NEAR_MIN_WORDS and z[i] >= NEAR_MIN_TEXT


def thinness(m, k0):
    """rv_item_thinness: K0 / (K0 + m) for m marked sentences."""
    return k0 / (k0 + m)


def item_nb_inputs(indices, z, item, rows, toks, reach, decay, k0=None, gated=True):
    """The inputs of the item context with neighbours (rv_item_combined_logit):
    the text logit, the neighbours' mean text logit in the sentence's title
    group (its own logit when it does not narrate, or has no neighbour),
    specificity and rate; with k0, the context's thinness t and t times
    specificity and rate.  item maps index -> (specificity, rate, marked
    sentences of the context)."""
    nb = neighbour_mean(indices, z, rows, reach, decay, item_group)
    out = []
    for i, n in zip(indices, nb):
        spec, rate, m = item[i]
        x = (z[i], n if not gated or narrates(i, z, toks) else z[i], spec, rate)
        if k0 is not None:
            t = thinness(m, k0)
            x += (t, t * spec, t * rate)
        out.append(x)
    return out


def mark_rank(row_id):
    """The order in which a thin context keeps a group's marks."""
    return hashlib.md5(('mark %d' % row_id).encode()).hexdigest()


def item_features(lines):
    """detect_cli item features of the lines: (specificity, rate, marked
    sentences of the context) per sentence."""
    out = subprocess.run([CLI, 'item', 'features'], input='\n'.join(lines) + '\n',
                         capture_output=True, text=True, check=True).stdout.strip().split('\n')
    return [(float(l.split('\t')[1]), float(l.split('\t')[2]), int(l.split('\t')[4]))
            for l in out]


def thin_marks(indices, rows, k):
    """The spoilers a thin context keeps marked: the first k of each group
    (in mark_rank order; k None: all)."""
    groups = {}
    for i in indices:
        if rows[i][2]:
            groups.setdefault(item_group(rows[i][0]), []).append(i)
    marked = set()
    for g in groups.values():
        g.sort(key=lambda i: mark_rank(rows[i][0]))
        marked.update(g if k is None else g[:k])
    return marked


def thin_item_context(indices, rows, k):
    """Item features as item_context, but with only the first k spoilers of
    each group (in mark_rank order; k None: all) marked in the context, the
    others counted as unmarked sentences: a title whose readers have marked
    few of its spoilers.  Returns (specificity, rate, marked sentences of the
    context) per sentence."""
    marked = thin_marks(indices, rows, k)
    lines = ['%d\ten\t0\t%d:%d\t%s' % (item_group(rows[i][0]), rows[i][2], i in marked,
                                        rows[i][1].replace('\t', ' ').replace('\n', ' ').replace('\r', ' '))
             for i in indices]
    return item_features(lines)


def log_loss(ys, zs):
    return -sum(math.log(max(1e-12, sigmoid(z) if y else 1 - sigmoid(z)))
                for y, z in zip(ys, zs)) / len(ys)


def blend(t, c, m, k):
    """rv_item_blend with rv_item_evidence_weight: m marked sentences."""
    return t + (m / (m + k)) * (c - t) if m > 0 else t


def linear(c, xs):
    return [c[0] + sum(a * b for a, b in zip(c[1:], x)) for x in xs]


def pooled_fit(indices, z, thin, rows, toks, labels, reach, decay, k0, gated=True):
    """The item model fitted on the contexts of every evidence level with a
    mark (thin maps level -> index -> item features)."""
    xs, ys = [], []
    for lv in EVIDENCE_LEVELS:
        keep = [i for i in indices if thin[lv][i][2] > 0]
        xs += item_nb_inputs(keep, z, thin[lv], rows, toks, reach, decay, k0, gated)
        ys += [labels[i] for i in keep]
    return logistic(xs, ys)


def level_scores(c, indices, z, item, rows, toks, reach, decay, k0, k, gated=True):
    """Blended logits of the sentences against one evidence level's contexts."""
    comb = linear(c, item_nb_inputs(indices, z, item, rows, toks, reach, decay, k0, gated))
    return [blend(z[i], cz, item[i][2], k) for i, cz in zip(indices, comb)]


def fit_item_nb(train, z, thin, rows, toks, labels):
    """Reach and decay of the neighbours, K0 of the thinness and k of the
    blend, by inner folds on out-of-fold text logits: the model fitted on
    three folds pooled over the evidence levels, the fourth scored at every
    level; the setting of least mean log loss over the levels wins.
    Returns (reach, decay, k0, k) and the weights fitted on the whole
    training part."""
    best = None
    for reach, decay in ITEM_GRID:
        for k0 in THIN_GRID:
            folds = []
            for f in range(4):
                tr, te = inner_split(train, rows, f)
                folds.append((pooled_fit(tr, z, thin, rows, toks, labels, reach, decay, k0), te))
            for k in EVIDENCE_GRID:
                losses, line = [], ''
                for lv in EVIDENCE_LEVELS:
                    ys, zs = [], []
                    for c, te in folds:
                        ys += [labels[i] for i in te]
                        zs += level_scores(c, te, z, thin[lv], rows, toks, reach, decay, k0, k)
                    losses.append(log_loss(ys, zs))
                    line += ' %s:%.4f/%.3f' % ('all' if lv is None else lv, auc(ys, zs),
                                               prf(ys, [sigmoid(v) for v in zs], 0.5)[1])
                loss = sum(losses) / len(losses)
                print('item context + neighbours reach=%d decay=%g K0=%g k=%g  inner mean log '
                      'loss %.4f  (marks: AUC/recall at 0.5)%s' % (reach, decay, k0, k, loss, line))
                if best is None or loss < best[1]:
                    best = ((reach, decay, k0, k), loss)
    reach, decay, k0, k = best[0]
    return best[0], pooled_fit(train, z, thin, rows, toks, labels, reach, decay, k0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=DATA)
    ap.add_argument('--no-write', action='store_true')
    args = ap.parse_args()
    if not os.path.exists(args.data):
        print('no labelled data at %s: nothing to fit' % args.data)
        return 0

    try:
        import numpy  # noqa: F401
        import scipy.optimize  # noqa: F401
    except ImportError:
        print('the character model is fitted with NumPy and SciPy, which %s lacks: '
              'apt-get install python3-numpy python3-scipy (then make update-detector-weights '
              'PYTHON=/usr/bin/python3)' % sys.executable, file=sys.stderr)
        return 1
    rows = read_rows(args.data)
    build_cli()
    toks = tokenize([r[1] for r in rows])
    keys = [keys_of(t[3]) for t in toks]
    labels = [r[2] for r in rows]
    train, val = split(rows)
    print('split by show: %d training sentences, %d validation (blocks of %d ids, guard %d)'
          % (len(train), len(val), BLOCK, GUARD))

    # Text model settings by inner cross-validation on the training part:
    # the word ratios' alpha and minimum count, the character model's
    # penalty, each by the inner AUC of its out-of-fold logits; then the
    # stack's parts by the inner AUC of the cross-fitted stack.
    chars = char_buckets([r[1] for r in rows])
    train_labels = [labels[i] for i in train]
    best = None
    for alpha in (0.5, 1.0):
        for min_count in (2, 3):
            ws = oof_words(train, rows, keys, labels, alpha, min_count)
            a = auc(train_labels, [ws[i] for i in train])
            print('words alpha=%g min_count=%d  inner cross-validated AUC %.4f' % (alpha, min_count, a))
            if best is None or a > best[1]:
                best = ((alpha, min_count), a, ws)
    (alpha, min_count), _, ws_oof = best
    best = None
    for c in CHAR_C_GRID:
        cs = oof_chars(train, rows, chars, labels, c)
        a = auc(train_labels, [cs[i] for i in train])
        print('chars C=%g  inner cross-validated AUC %.4f' % (c, a))
        if best is None or a > best[1]:
            best = (c, a, cs)
    char_c, _, cs_oof = best
    l1_oof = {i: (ws_oof[i], cs_oof[i]) for i in train}
    best = None
    for parts in (('words', 'chars'), ALL):
        z = oof_text(train, rows, l1_oof, toks, labels, parts)
        a = auc(train_labels, [z[i] for i in train])
        print('text %-22s inner cross-validated AUC %.4f' % ('+'.join(parts) + ' + cues', a))
        if best is None or a > best[1]:
            best = (parts, a, z)
    parts, text_cv, z_oof = best
    params = (alpha, min_count, char_c)

    # Context stage settings, also by inner folds (on out-of-fold logits).
    best_ctx = None
    for reach, decay in CONTEXT_GRID:
        scores, ys = [], []
        for k in range(4):
            tr, te = inner_split(train, rows, k)
            c = fit_context(tr, z_oof, rows, labels, reach, decay)
            scores += context_logits(te, z_oof, rows, c, reach, decay)
            ys += [labels[i] for i in te]
        a = auc(ys, scores)
        print('context reach=%d decay=%g  inner cross-validated AUC %.4f' % (reach, decay, a))
        if best_ctx is None or a > best_ctx[1]:
            best_ctx = ((reach, decay), a)
    (reach, decay), ctx_cv = best_ctx
    ctx = fit_context(train, z_oof, rows, labels, reach, decay)
    # The thresholds: chosen on the training part's out-of-fold scores.
    t80 = threshold_for_recall([labels[i] for i in train],
                               [sigmoid(z_oof[i]) for i in train], 0.8)

    # The final text model on the whole training part; validation once.
    # The stack's weights are those of the training part's out-of-fold
    # inputs; the two models under it are refitted on the whole part.
    ratios = nb_ratios(train, keys, labels, alpha, min_count)
    cw = fit_chars(train, chars, labels, char_c)
    l1_val = {i: (ws, cl) for i, ws, cl in zip(val, word_sums(val, keys, ratios).values(),
                                                 char_logits(val, chars, cw))}
    w = fit_stack(train, l1_oof, toks, labels, parts)
    z_val = dict(zip(val, stack_logits(val, l1_val, toks, w, parts)))
    val_labels = [labels[i] for i in val]
    text_p = [sigmoid(z_val[i]) for i in val]
    paged = [sigmoid(x) for x in context_logits(val, z_val, rows, ctx, reach, decay)]
    fig = {'auc': auc(val_labels, text_p), 'at05': prf(val_labels, text_p, 0.5),
           't80': t80, 'at80': prf(val_labels, text_p, t80), 'paged_auc': auc(val_labels, paged)}
    print('validation by show (%d sentences), each sentence alone: ROC AUC %.4f; at 0.5: '
          'precision %.3f recall %.3f F1 %.3f; at %.3f (recall 0.8 on the training part): '
          'precision %.3f recall %.3f' % ((len(val), fig['auc']) + fig['at05'] + (t80,)
                                          + fig['at80'][:2]))

    # Ablation: components added one by one, the stack refitted on the
    # training part's out-of-fold inputs each time.
    print('ablation (validation by show, ROC AUC):')
    ablation = []
    for name, ab_parts, cues in (('words (unigrams + bigrams)', ('words',), False),
                                 ('characters (2- to 5-grams)', ('chars',), False),
                                 ('words + characters', ('words', 'chars'), False),
                                 ('words + neutral + cues', ('words', 'neutral'), True),
                                 ('characters + neutral + cues', ('chars', 'neutral'), True),
                                 ('neutral + cues, no words', ('neutral',), True)):
        w2 = fit_stack(train, l1_oof, toks, labels, ab_parts, cues)
        ablation.append((name, auc(val_labels, stack_logits(val, l1_val, toks, w2, ab_parts,
                                                            cues))))
    ablation.append(('the text model (%s + cues)' % ' + '.join(parts), fig['auc']))
    ablation.append(('text + neighbours on the page (not used)', fig['paged_auc']))
    # Item context alone (the ablation's), then with the neighbours (what
    # spoilers(r, ctx) scores): runs of ITEM_GROUP ids stand for titles.
    itr, iva = item_context(train, rows), item_context(val, rows)
    ci = logistic([(z_oof[i],) + f for i, f in zip(train, itr)], [labels[i] for i in train])
    item = [ci[0] + ci[1] * z_val[i] + ci[2] * f[0] + ci[3] * f[1] for i, f in zip(val, iva)]
    ablation.append(('text + item context (other sentences of the page)', auc(val_labels, item)))
    itr, iva = dict(zip(train, itr)), dict(zip(val, iva))
    scores, ys = [], []
    for k in range(4):
        tr, te = inner_split(train, rows, k)
        c = logistic([(z_oof[i],) + itr[i] for i in tr], [labels[i] for i in tr])
        scores += linear(c, [(z_oof[i],) + itr[i] for i in te])
        ys += [labels[i] for i in te]
    print('item context alone  inner cross-validated AUC %.4f' % auc(ys, scores))
    # With the neighbours and the thinness, fitted over contexts pooled from
    # every evidence level: what spoilers(r, ctx) scores.  Validation with
    # every mark here; make eval scores the thin ones.
    thin = {lv: dict(zip(train, thin_item_context(train, rows, lv))) for lv in EVIDENCE_LEVELS}
    (nb_reach, nb_decay, thin_k0, evidence_k), cn = fit_item_nb(train, z_oof, thin, rows, toks,
                                                                labels)
    full_val = dict(zip(val, thin_item_context(val, rows, None)))
    for name, gated, pooled in (('text + item context + neighbours, full contexts only', True, False),
                                ('text + item context + neighbours (ungated)', False, True)):
        k0 = thin_k0 if pooled else None
        if pooled:
            c = pooled_fit(train, z_oof, thin, rows, toks, labels, nb_reach, nb_decay, k0, gated)
        else:
            c = logistic(item_nb_inputs(train, z_oof, thin[None], rows, toks, nb_reach, nb_decay,
                                        None, gated), [labels[i] for i in train])
        ablation.append((name, auc(val_labels, level_scores(c, val, z_val, full_val, rows, toks,
                                                            nb_reach, nb_decay, k0, 0, gated))))
    both = [sigmoid(x) for x in level_scores(cn, val, z_val, full_val, rows, toks, nb_reach,
                                             nb_decay, thin_k0, evidence_k)]
    ablation.append(('text + item context + neighbours + thinness', auc(val_labels, both)))
    fig['item_nb'] = (ablation[-1][1],) + prf(val_labels, both, 0.5)
    print('item context: reach %d, decay %g, thinness K0 %g, evidence k %g (the item model '
          'weighs m / (m + k) with m marked sentences)' % (nb_reach, nb_decay, thin_k0, evidence_k))
    for name, a in ablation:
        print('  %-52s %.4f' % (name, a))
    print('item context + neighbours + thinness, every mark: at 0.5 precision %.3f recall %.3f'
          % fig['item_nb'][1:3])

    # The stack's weights by name; the two models' tables carry their scale.
    wn = dict(zip([p for p in ('words', 'chars') if p in parts] +
                  (['names', 'length'] if 'neutral' in parts else []), w[1:]))
    table = sorted(((k, wn['words'] * v) for k, v in ratios.items()
                    if abs(wn['words'] * v) >= PRUNE), key=lambda kv: kv[0].encode())
    print('features: %d fitted, %d kept (|w| >= %g)' % (len(ratios), len(table), PRUNE))
    char_table = [max(-32767, min(32767, round(wn.get('chars', 0.0) * v / CHAR_UNIT)))
                  for v in cw[0]]
    print('character buckets: %d, %d nonzero, largest |w| %.3f; stack %s'
          % (len(char_table), sum(1 for v in char_table if v), max(abs(v) for v in char_table)
             * CHAR_UNIT, ' '.join('%s %.4f' % kv for kv in sorted(wn.items()))))
    if args.no_write:
        return 0
    with generated('rv_detect_weights.c') as fh:
        fh.write('/*\n * rv_detect_weights.c\n *\t  Fitted weights of the English spoiler model: naive Bayes log-count\n'
                 ' *\t  ratios of word unigrams and bigrams times a calibrated scale, the\n'
                 ' *\t  calibrated neutral and cue weights, and the context stage.\n'
                 ' *\n * Generated by tools/fit_detector.py from the TV Tropes spoiler sentences\n'
                 ' * (Boyd-Graber et al. 2013, training half), split by show: %d sentences\n'
                 ' * fitted on, %d validation sentences never fitted on.\n'
                 ' * Features %s, alpha %g, min count %d, character C %g (inner AUC %.4f);\n'
                 ' * context reach %d, decay %g (inner AUC %.4f).\n'
                 ' * Validation, each sentence alone: ROC AUC %.4f (with the context stage\n'
                 ' * on its page %.4f, not used in reviews); at 0.5 precision %.3f,\n'
                 ' * recall %.3f; at %.3f precision %.3f, recall %.3f.  Do not edit by hand.\n */\n'
                 % (len(train), len(val), ' + '.join(parts), params[0], params[1], params[2], text_cv,
                    reach, decay, ctx_cv,
                    fig['auc'], fig['paged_auc'], fig['at05'][0], fig['at05'][1], t80,
                    fig['at80'][0], fig['at80'][1]))
        fh.write('#include "rv_detect_int.h"\n\n')
        fh.write('/* the bias of the character model, times its stack weight, included */\n')
        fh.write('const float rv_detect_bias = %.6ff;\n' % (w[0] + wn.get('chars', 0.0) * cw[1]))
        fh.write('const float rv_detect_w_names = %.6ff;\n' % wn.get('names', 0.0))
        fh.write('const float rv_detect_w_length = %.6ff;\n' % wn.get('length', 0.0))
        fh.write('const float rv_detect_mean_log_length = %.6ff;\n'
                 % (sum(math.log(1.0 + toks[i][1]) for i in train) / len(train)))
        write_floats(fh, 'rv_detect_item_', ('bias', 'text', 'specificity', 'rate'), ci)
        fh.write('\n')
        fh.write('/* with the neighbours (reach %d, decay %g) and the thinness (K0 %g),\n'
                 ' * fitted over thin and full contexts; validation with every mark:\n'
                 ' * ROC AUC %.4f, at 0.5 precision %.3f, recall %.3f */\n'
                 % ((nb_reach, nb_decay, thin_k0) + fig['item_nb'][:3]))
        write_floats(fh, 'rv_detect_item_nb_',
                     ('bias', 'text', 'neighbours', 'specificity', 'rate', 'thin',
                      'thin_specificity', 'thin_rate'), cn)
        fh.write('const int\trv_detect_item_nb_reach = %d;\n' % nb_reach)
        fh.write('const float rv_detect_item_nb_decay = %.6ff;\n' % nb_decay)
        fh.write('const float rv_detect_item_nb_thin_k0 = %.6ff;\n' % thin_k0)
        fh.write('/* the blend with the text logit: weight m / (m + k), m marked sentences */\n')
        fh.write('const float rv_detect_item_evidence_k = %.6ff;\n\n' % evidence_k)
        fh.write('const float rv_detect_ctx_bias = %.6ff;\n' % ctx[0])
        fh.write('const float rv_detect_ctx_self = %.6ff;\n' % ctx[1])
        fh.write('const float rv_detect_ctx_neighbours = %.6ff;\n' % ctx[2])
        fh.write('const int\trv_detect_ctx_reach = %d;\n' % reach)
        fh.write('const float rv_detect_ctx_decay = %.6ff;\n\n' % decay)
        fh.write('/* recall 0.8 on the training part (TV Tropes scale) */\n')
        fh.write('const float rv_detect_recall80_threshold = %.3ff;\n\n' % t80)
        fh.write(weight_table_c(table))
    with generated('rv_detect_char_weights.c') as fh:
        fh.write('/*\n * rv_detect_char_weights.c\n *\t  Fitted weights of the character n-gram buckets '
                 '(rv_detect_chars.c),\n *\t  in RV_CHAR_WEIGHT_UNITs, times the stack weight %.6f.\n'
                 ' *\n * Generated by tools/fit_detector.py (logistic regression, C %g, on the\n'
                 ' * %d training sentences).  Do not edit by hand.\n */\n'
                 % (wn.get('chars', 0.0), char_c, len(train)))
        fh.write('#include "rv_detect_int.h"\n\n')
        fh.write('const int16_t rv_detect_char_weights[1 << RV_CHAR_BITS] = {\n')
        for k in range(0, len(char_table), 16):
            fh.write('\t' + ', '.join(str(v) for v in char_table[k:k + 16]) + ',\n')
        fh.write('};\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
