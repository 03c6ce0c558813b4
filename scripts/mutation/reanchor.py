#!/usr/bin/env python3
"""Move the entries of scripts/mutation/equivalent.txt to where their code is now.

Equivalent mutants are listed by FILE:LINE:COL, which an edit elsewhere in the file moves.
Given the revision the list was last right for, each entry's line is found again in the
working tree: first through the unchanged stretches of a line diff (difflib), then, for a
line that moved (a function split in two), by its text when that text occurs once (or its
neighbours decide). The column follows the line's indentation. An entry is kept only when
the mutated token (ORIG) is at the new place; the others are printed for review and kept
with "# REVIEW" so that nothing is silently lost.

    python3 scripts/mutation/reanchor.py REV            # rewrites equivalent.txt
    python3 scripts/mutation/reanchor.py REV --check    # only report (exit 1 if any moved)
"""
import difflib
import re
import subprocess
import sys

LIST = "scripts/mutation/equivalent.txt"
ENTRY = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+)(?P<rest>\s+\S+\s+"(?P<orig>(?:[^"\\]|\\.)*)"\s+->.*)$')


def lines_at(rev, path):
    try:
        out = subprocess.run(["git", "show", f"{rev}:{path}"], check=True, capture_output=True, text=True).stdout
    except subprocess.CalledProcessError:
        return None
    return out.split("\n")


def indent(s):
    return len(s) - len(s.lstrip("\t "))


def mapper(old, new):
    m = {}
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, _ in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                m[i1 + k] = j1 + k
    return m


def by_text(old, new, i):
    text = old[i].strip()
    cands = [j for j, s in enumerate(new) if s.strip() == text]
    if len(cands) <= 1:
        return cands[0] if cands else None

    def ctx(lines, k):
        return [lines[x].strip() for x in (k - 2, k - 1, k + 1, k + 2) if 0 <= x < len(lines)]

    want = ctx(old, i)
    scored = sorted(((sum(a == b for a, b in zip(want, ctx(new, j))), j) for j in cands), reverse=True)
    if scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    rev, check = sys.argv[1], "--check" in sys.argv
    out, moved, review = [], 0, 0
    cache = {}
    for raw in open(LIST).read().split("\n"):
        m = ENTRY.match(raw)
        if not m or raw.startswith("#"):
            out.append(raw)
            continue
        path = m["file"]
        if path not in cache:
            old = lines_at(rev, path)
            try:
                new = open(path).read().split("\n")
            except FileNotFoundError:
                new = None
            cache[path] = (old, new, mapper(old, new) if old is not None and new is not None else {})
        old, new, mp = cache[path]
        i, col = int(m["line"]) - 1, int(m["col"])
        j = None
        if old is not None and new is not None and i < len(old):
            j = mp.get(i)
            if j is None:
                j = by_text(old, new, i)
        orig = m["orig"].encode().decode("unicode_escape")
        if j is not None:
            c = col + indent(new[j]) - indent(old[i])
            if new[j][c - 1:].startswith(orig):
                entry = f'{path}:{j + 1}:{c}{m["rest"]}'
                moved += entry != raw
                out.append(entry)
                continue
        review += 1
        print(f"review: {raw}", file=sys.stderr)
        out.append(raw if "# REVIEW" in raw else raw + "  # REVIEW: not found again after " + rev)
    print(f"reanchor: {moved} entries moved, {review} to review", file=sys.stderr)
    if check:
        return 1 if moved or review else 0
    open(LIST, "w").write("\n".join(out))
    return 1 if review else 0


if __name__ == "__main__":
    sys.exit(main())
