#!/usr/bin/env python3
"""Generates a synthetic review corpus for pg_review's benchmarks.

Writes N reviews (default 200000) as PostgreSQL COPY text rows
"id<TAB>lang<TAB>body" (default bench/out/corpus.tsv), deterministic for a
seed.  Reviews are paragraphs of sentences drawn from a Zipf-like
vocabulary (common English words, then a long tail of generated
pseudo-words, so rare-term queries exist), with theme words and recurring
bigrams ("american dream", "working class", "final scene") at realistic
rates; about 30% carry spoiler markup in one of the eight dialects, 5% open
with a warning line, and a few percent are Japanese or Chinese (no spaces
between words) or Spanish, French or German (--mix F: that share F of the
reviews instead of 9%, in the same proportions).  Lengths are log-normal with
a median near 250 words.  Standard library only.
"""
import argparse
import bisect
import itertools
import math
import os
import random
import sys

COMMON = ('the of and to a in is it that was he for on are as with his they at be this have from or '
          'one had by but not what all were when we there can an your which their said if do will each '
          'about how up out them then she many some so these would other into has more her two like him '
          'see time could no make than first been its who now people my made over did down only way find '
          'use may long little very after words called just where most know get through back much before '
          'go good new write our used me man too any day same right look think also around another came '
          'come work three must because does part even place well such here take why things help put years '
          'different away again off went old number great tell men say small every found still between '
          'name should home big give air line set own under read last never us left end along while might '
          'next sound below saw something thought both few those always looked show large often together '
          'asked house world going want school important until form food keep children feet land side '
          'without boy once animals life enough took sometimes four head above kind began almost live page '
          'got earth need far hand high year mother light parts country father let night following picture '
          'being study second eyes soon times story boys since white days ever paper hard near sentence '
          'better best across during today others however sure means knew itself young stood whole film '
          'movie director actor actress scene scenes camera script performance cast plot character '
          'characters audience screen shot shots music score sound editing pacing dialogue ending '
          'beginning middle act moment moments feeling emotional funny sad beautiful brilliant slow '
          'boring tense quiet loud dark bright warm cold strong weak real fake honest clever simple '
          'strange familiar perfect long short cinematic visual performances role roles lead supporting '
          'hero villain story tale drama comedy thriller horror romance documentary sequel remake').split()
THEME = ('work worker workers labor wages job boss factory strike union wealth rich poor money '
         'billionaire class luxury love lover romance kiss marriage family mother father brother sister '
         'power control corruption violence gun blood fight death dies dead funeral grief mourning '
         'identity addiction drugs alcohol dream ambition success betrayal betray revenge freedom '
         'escape war soldier crime police prison justice loneliness lonely faith church').split()
BIGRAMS = ['american dream', 'working class', 'final scene', 'class struggle', 'true story',
           'first act', 'second half', 'opening scene', 'love story', 'coming of age']
SPOILERS = ['the hero dies in the final scene', 'the brother was the killer all along',
            'she escapes the prison at dawn', 'the father betrays the family for money',
            'the boss is arrested at the wedding', 'the soldier never comes home',
            'it was all a dream', 'the twins swap places and nobody notices',
            'the detective shoots his partner', 'the village burns and everyone leaves']
DIALECTS = [('>!', '!<'), ('||', '||'), ('[spoiler]', '[/spoiler]'), ('[spoiler=ending]', '[/spoiler]'),
            ('(view spoiler)[', '(hide spoiler)]'), ('<spoiler>', '</spoiler>'),
            ('<span class="spoiler">', '</span>'), ('<details>', '</details>'), ('!!', '!!')]
WARNINGS = ['NOTE: This review contains spoilers', 'Spoilers ahead!', 'SPOILER WARNING']
JA = ('映画 物語 主人公 家族 父 母 兄 姉 友達 恋人 仕事 会社 社長 お金 夢 未来 過去 戦争 '
      '警察 事件 犯人 最後 結末 場面 音楽 映像 演技 監督 俳優 女優 町 村 海 山 夜 朝 '
      '美しい 悲しい 静か 激しい 素晴らしい 見る 泣く 笑う 死ぬ 生きる 働く 戦う 愛する').split()
JA_PARTICLES = 'は が を に で と も の'.split()
ZH = ('电影 故事 主角 家庭 父亲 母亲 哥哥 姐姐 朋友 爱情 工作 公司 老板 金钱 梦想 未来 过去 '
      '战争 警察 案件 凶手 最后 结局 场面 音乐 画面 表演 导演 演员 城市 农村 大海 高山 夜晚 '
      '美丽 悲伤 安静 激烈 精彩 看 哭 笑 死 活 工作 战斗 爱').split()
EUR = {
    'es': ('la el película historia familia padre madre hermano trabajo dinero amor muerte final '
           'director actor actriz escena música ciudad pueblo guerra policía sueño es muy una con '
           'por para pero sobre los las un del al buena lenta triste hermosa').split(),
    'fr': ('le la film histoire famille père mère frère travail argent amour mort fin réalisateur '
           'acteur actrice scène musique ville village guerre police rêve est très une avec pour '
           'mais sur les des un du belle lente triste magnifique').split(),
    'de': ('der die das Film Geschichte Familie Vater Mutter Bruder Arbeit Geld Liebe Tod Ende '
           'Regisseur Schauspieler Szene Musik Stadt Dorf Krieg Polizei Traum ist sehr eine mit '
           'für aber über den dem ein schöne langsame traurige großartige').split(),
}


def make_vocab(rng, tail=40000):
    consonants, vowels = 'bcdfghklmnprstvz', 'aeiou'
    seen = set(COMMON)
    words = list(COMMON)
    while len(words) < len(COMMON) + tail:
        w = ''.join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    # Zipf weights: rank^-1.07
    cum = list(itertools.accumulate(1.0 / (r + 1) ** 1.07 for r in range(len(words))))
    return words, cum


def sentence(rng, words, cum):
    n = max(4, int(rng.gauss(15, 6)))
    out = []
    for _ in range(n):
        x = rng.random()
        if x < 0.04:
            out.append(rng.choice(THEME))
        elif x < 0.05:
            out.append(rng.choice(BIGRAMS))
        else:
            out.append(words[bisect.bisect_left(cum, rng.random() * cum[-1])])
    s = ' '.join(out)
    return s[0].upper() + s[1:] + rng.choice('...!?' if rng.random() < 0.1 else '.')


def english(rng, words, cum):
    target = int(math.exp(rng.gauss(math.log(250), 0.6)))
    target = max(40, min(1500, target))
    paras, total = [], 0
    spoiler = rng.random() < 0.3
    while total < target:
        para = []
        for _ in range(rng.randint(2, 6)):
            s = sentence(rng, words, cum)
            para.append(s)
            total += s.count(' ') + 1
        paras.append(' '.join(para))
    if spoiler:
        o, c = rng.choice(DIALECTS)
        k = rng.randrange(len(paras))
        paras[k] += ' ' + o + rng.choice(SPOILERS).capitalize() + '.' + c
    body = '\n'.join(paras)
    if rng.random() < 0.05:
        body = rng.choice(WARNINGS) + '\n' + body
    return body


def cjk(rng, vocab, particles, stop):
    sents = []
    for _ in range(rng.randint(5, 25)):
        n = rng.randint(3, 8)
        parts = []
        for _ in range(n):
            parts.append(rng.choice(vocab))
            if particles:
                parts.append(rng.choice(particles))
        sents.append(''.join(parts) + stop)
    if rng.random() < 0.3:
        sents.insert(rng.randrange(len(sents)), '||' + rng.choice(vocab) + rng.choice(vocab) + stop + '||')
    return ''.join(sents)


def european(rng, vocab):
    sents = []
    for _ in range(rng.randint(5, 20)):
        s = ' '.join(rng.choice(vocab) for _ in range(rng.randint(5, 14)))
        sents.append(s[0].upper() + s[1:] + '.')
    if rng.random() < 0.3:
        o, c = rng.choice(DIALECTS[:3])
        sents.append(o + ' '.join(rng.choice(vocab) for _ in range(6)) + '.' + c)
    return ' '.join(sents)


def copy_escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--n', type=int, default=200000)
    ap.add_argument('--seed', type=int, default=42)
    ap.add_argument('--mix', type=float, default=None,
                    help='share of non-English reviews (default 0.09: 2%% ja, 1%% zh, 6%% es/fr/de)')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'out', 'corpus.tsv'))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    words, cum = make_vocab(rng)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    # Thresholds of one uniform draw: Japanese, Chinese, then es/fr/de.
    ja_t, zh_t, eur_t = (0.02, 0.03, 0.09) if args.mix is None else \
        (args.mix * 2 / 9, args.mix * 3 / 9, args.mix)
    nbytes = nwords = 0
    with open(args.out, 'w', encoding='utf-8') as fh:
        for i in range(1, args.n + 1):
            x = rng.random()
            if x < ja_t:
                lang, body = 'ja', cjk(rng, JA, JA_PARTICLES, '。')
            elif x < zh_t:
                lang, body = 'zh', cjk(rng, ZH, None, '。')
            elif x < eur_t:
                lang = ('es', 'fr', 'de')[min(2, int((x - zh_t) / ((eur_t - zh_t) / 3)))]
                body = european(rng, EUR[lang])
            else:
                lang, body = 'en', english(rng, words, cum)
            nbytes += len(body.encode())
            nwords += body.count(' ') + 1
            fh.write('%d\t%s\t%s\n' % (i, lang, copy_escape(body)))
    print('%d reviews, %.1f MB, %.0f words on average -> %s'
          % (args.n, nbytes / 1e6, nwords / args.n, args.out))


if __name__ == '__main__':
    sys.exit(main())
