#!/usr/bin/env python3
"""Fallback English corpus from Debian's /usr/share/doc (changelogs, READMEs, NEWS,
copyright files): lower-cased, word/punctuation tokens, one sentence a line,
5-40 tokens, shuffled with seed 0, first 100,000 lines.  usage: make_doc_corpus.py OUT"""
import glob, gzip, random, re, sys

lines = []
for f in sorted(glob.glob("/usr/share/doc/*/*")):
    try:
        if f.endswith(".gz"):
            text = gzip.open(f, "rt", errors="ignore").read()
        elif re.search(r"(README|NEWS|copyright)[^/]*$", f):
            text = open(f, errors="ignore").read()
        else:
            continue
    except (OSError, EOFError):
        continue
    for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)):
        toks = re.findall(r"[A-Za-z]+(?:'[a-z]+)?|[0-9]+|[.,;:!?()\"-]", s.lower())
        if 5 <= len(toks) <= 40:
            lines.append(" ".join(toks))
random.Random(0).shuffle(lines)
with open(sys.argv[1], "w") as out:
    out.write("\n".join(lines[:100000]) + "\n")
