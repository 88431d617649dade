#!/usr/bin/env python3
"""How far any matcher could go on RLdata10000 (docs/quality.md, "rldata10000").

Not part of the build: an analysis aid (Python 3 standard library only) behind a figure in
docs/quality.md. Usage: python3 docs/analysis/rldata_ceiling.py ../shared/eval/dedupe/rldata10000.csv

Every pair of records that shares the first name, the last name or the whole birth date (996 of
the 1,000 true pairs) is described by what a matcher can see: the level of each name (exact, one
edit, two edits, different), for each of year, month and day whether it is equal, one digit off or
otherwise different, and how common each name is (in bands). Within one such cell, true and false
pairs look alike to any method. The "oracle" below then picks, *with the truth*, the cells to merge
that maximise pairwise F1: an upper bound for a method using these features, fitted on the very
data it is scored on (finer frequency bands only let it fit the truth more closely).
"""
import bisect
import collections
import csv
import itertools
import sys


def edits(a, b):
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def name_level(a, b):
    return {0: "exact", 1: "one_edit", 2: "two_edits"}.get(edits(a, b), "different")


def part_level(a, b):
    a, b = a.zfill(2), b.zfill(2)
    if a == b:
        return "equal"
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return "one_digit"
    return "different"


def main(path):
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    first = collections.Counter(r["fname_c1"] for r in rows)
    last = collections.Counter(r["lname_c1"] for r in rows)
    entities = collections.Counter(r["ent_id"] for r in rows)
    true_pairs = sum(n * (n - 1) // 2 for n in entities.values())

    blocks = collections.defaultdict(list)
    for i, r in enumerate(rows):
        blocks["f", r["fname_c1"]].append(i)
        blocks["l", r["lname_c1"]].append(i)
        blocks["d", r["by"], r["bm"], r["bd"]].append(i)
    pairs = set()
    for members in blocks.values():
        pairs.update(itertools.combinations(members, 2))

    for bands in ([], [20, 80], [5, 20, 50, 100, 200], [2, 5, 10, 20, 35, 50, 75, 100, 150, 200, 300, 500]):
        cells = collections.defaultdict(lambda: [0, 0])
        for i, j in pairs:
            a, b = rows[i], rows[j]
            cell = (name_level(a["fname_c1"], b["fname_c1"]), name_level(a["lname_c1"], b["lname_c1"]),
                    part_level(a["by"], b["by"]), part_level(a["bm"], b["bm"]), part_level(a["bd"], b["bd"]),
                    bisect.bisect_left(bands, min(first[a["fname_c1"]], first[b["fname_c1"]])),
                    bisect.bisect_left(bands, min(last[a["lname_c1"]], last[b["lname_c1"]])))
            cells[cell][0 if a["ent_id"] == b["ent_id"] else 1] += 1
        tp = fp = 0
        best = (0.0, 0, 0)
        for true, false in sorted(cells.values(), key=lambda c: -c[0] / (c[0] + c[1])):
            if true == 0:
                break
            tp, fp = tp + true, fp + false
            precision, recall = tp / (tp + fp), tp / true_pairs
            best = max(best, (2 * precision * recall / (precision + recall), tp, fp))
        f1, tp, fp = best
        print(f"name frequency bands {len(bands) + 1:2d}: {len(cells):5d} cells; best F1 {f1:.4f} "
              f"(merging {tp + fp} pairs: {tp} true, {fp} false; {true_pairs} true pairs)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dedupe/rldata10000.csv")
