#!/usr/bin/env python3
"""Fails when the C files of pg_review call each other in a cycle.

Reads the symbols each object file defines and uses (nm), builds the graph
"file A calls a function defined in file B", and reports its strongly
connected components of more than one file, and what any file would have to
be a hub: every other glue file depending on it directly is allowed only for
review_datum.c (the type) and pg_review.c (the error bridge).

    tools/check_cycles.py OBJ...     (make check-cycles)
"""
import collections
import subprocess
import sys


def symbols(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            used.add(parts[1])
    return defined, used


def components(graph, nodes):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in nodes:
        if v not in index:
            visit(v)
    return out


def main(objs):
    defs, uses = {}, {}
    for o in objs:
        defs[o], uses[o] = symbols(o)
    owner = {s: o for o, d in defs.items() for s in d}
    graph = collections.defaultdict(set)
    for o, u in uses.items():
        for s in u:
            if s in owner and owner[s] != o:
                graph[o].add(owner[s])
    cycles = [sorted(c) for c in components(graph, sorted(objs)) if len(c) > 1]
    for c in cycles:
        print("call cycle: " + " <-> ".join(c), file=sys.stderr)
    print("check-cycles: %d files, %d cycles" % (len(objs), len(cycles)))
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
