#!/usr/bin/env python3
"""Self-test of the relevance scripts against hand-computed values (no
server, no collection needed):  python3 bench/relevance/test_relevance.py"""
import math
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaluate as E  # noqa: E402
import ir_collections as C  # noqa: E402


class FakeCollection:
    def __init__(self, qrels):
        self.qrels = qrels
        self.queries = sorted(q for q, j in qrels.items() if any(g > 0 for g in j.values()))


class Metrics(unittest.TestCase):
    def test_ndcg_ap_p10(self):
        # Judged: d1 gain 3, d2 gain 1, d3 gain 0 (judged not relevant).
        c = FakeCollection({1: {1: 3, 2: 1, 3: 0}})
        nd, ap, p10, cand, _ = E.metrics(c, {1: [2, 9, 1]})
        dcg = 1 / math.log2(2) + 3 / math.log2(4)
        idcg = 3 / math.log2(2) + 1 / math.log2(3)
        self.assertAlmostEqual(nd, dcg / idcg)
        self.assertAlmostEqual(ap, (1 / 1 + 2 / 3) / 2)
        self.assertAlmostEqual(p10, 2 / 10)
        self.assertEqual(cand, 3)

    def test_query_without_candidates_scores_zero(self):
        c = FakeCollection({1: {1: 1}, 2: {5: 1}})
        nd, ap, _, _, _ = E.metrics(c, {1: [1]})
        self.assertAlmostEqual(nd, 0.5)
        self.assertAlmostEqual(ap, 0.5)

    def test_ties_by_document_id(self):
        self.assertEqual(E.ordered([(1.0, 7), (2.0, 9), (1.0, 3)]), [9, 3, 7])


class Bm25(unittest.TestCase):
    def test_hand_computed(self):
        # Three documents of lengths 2, 4, 6 (average 4); "a" in docs 1
        # (tf 1) and 2 (tf 2), "b" in doc 3 (tf 1).
        post = {'a': {1: 1, 2: 2}, 'b': {3: 1}}
        lengths = {1: 2, 2: 4, 3: 6}
        s = E.bm25_run(post, lengths, 3, ['a', 'b', 'zz'])
        idf_a = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
        idf_b = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))
        self.assertAlmostEqual(s[1], idf_a * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / 4)))
        self.assertAlmostEqual(s[2], idf_a * 2 * 2.2 / (2 + 1.2))
        self.assertAlmostEqual(s[3], idf_b * 1 * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 6 / 4)))
        self.assertEqual(set(s), {1, 2, 3})

    def test_analyze_floor(self):
        post = {'a': {i: 1 for i in range(50)}, 'b': {i: 1 for i in range(20)}, 'c': {0: 1}}
        df = E.analyze_df(post, 1000, 2)
        self.assertEqual(df['a'], 50)
        self.assertEqual(df['b'], 20)
        self.assertAlmostEqual(df['c'], 1000 * min(0.005, 0.02 / 2))

    def test_pair_proximity_and_cover(self):
        self.assertAlmostEqual(E.pair_proximity([0, 10], [1, 12, 30]), 1 + 1 / 4)
        self.assertEqual(E.shortest_cover([[0, 10], [12, 30], [5]]), 7)


class Parsing(unittest.TestCase):
    def test_pg_array_and_copy_escapes(self):
        self.assertEqual(E.pg_array('{a,"b c","d\\"e",f}'), ['a', 'b c', 'd"e', 'f'])
        self.assertEqual(E.pg_array('{}'), [])
        self.assertEqual(E.unescape('x\\ty\\\\z'), 'x\ty\\z')

    def test_cranfield_numbering_and_gains(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, 'cran.all.1400'), 'w', newline='') as f:
                f.write('.I 1\r\n.T\r\nwing flow .\r\n.A\r\nx\r\n.B\r\ny\r\n.W\r\nwing flow .\r\nmore text\r\n'
                        '.I 2\r\n.T\r\nshock\r\n.W\r\nshock waves\r\n')
            with open(os.path.join(d, 'cran.qry'), 'w') as f:
                f.write('.I 001\n.W\nwing flow\n.I 004\n.W\nshock waves .\n')
            with open(os.path.join(d, 'cranqrel'), 'w') as f:
                f.write('1 1 2 \n1 2 -1\n2 2 4 \n')
            docs, queries, qrels = C.cranfield(d)
            self.assertEqual(docs, [(1, 'wing flow .', 'wing flow . more text'), (2, 'shock', 'shock waves')])
            self.assertEqual(queries, [(1, 'wing flow'), (2, 'shock waves .')])
            self.assertEqual(qrels, [(1, 1, 3, 3), (1, 2, 0, C.SOURCE_GAIN), (2, 2, 1, 1)])

    def test_npl(self):
        with tempfile.TemporaryDirectory() as d:
            for name, text in (('doc-text', '1\nfirst doc\n   /\n2\nsecond\n   /\n'),
                               ('query-text', '1\nFIRST QUERY\n/\n'),
                               ('rlv-ass', '1\n 1  2\n   /\n')):
                with open(os.path.join(d, name), 'w') as f:
                    f.write(text)
            docs, queries, qrels = C.npl(d)
            self.assertEqual(docs, [(1, '', 'first doc'), (2, '', 'second')])
            self.assertEqual(queries, [(1, 'first query')])
            self.assertEqual(qrels, [(1, 1, 1, 1), (1, 2, 1, 1)])


if __name__ == '__main__':
    unittest.main()
