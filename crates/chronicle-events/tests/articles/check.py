#!/usr/bin/env python3
"""Checks gold.jsonl against the articles in this directory and the CAMEO codebook.

Usage: python3 check.py [DIR] [--ontology /work/shared/ontology/cameo.tsv]

DIR is a whole-article gold directory (default: this one; ../articles2 and ../articles3
are checked the same way).

Verifies, for every gold event: the sentence is an exact substring of its article (and not of
the three header lines), the trigger is an exact substring of the sentence, the CAMEO code
exists in the codebook, dates parse, source != target, and keys are marked. Prints counts.
Exit status 1 if anything fails.
"""
import argparse
import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=HERE)
    ap.add_argument("--ontology", default="/work/shared/ontology/cameo.tsv")
    args = ap.parse_args()
    here = os.path.abspath(args.dir)

    with open(args.ontology, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    codes = {r[0] for r in rows if r and r[0]}

    errors = []
    n_docs = n_events = n_keys = 0
    roots = collections.Counter()
    precisions = collections.Counter()
    docs_seen = set()
    with open(os.path.join(here, "gold.jsonl"), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            g = json.loads(line)
            doc = g["doc"]
            docs_seen.add(doc)
            path = os.path.join(here, doc)
            if not os.path.exists(path):
                errors.append(f"line {lineno}: missing article {doc}")
                continue
            text = open(path, encoding="utf-8").read()
            head = text.split("\n")
            if not (head[0].startswith("Title: ") and head[1].startswith("Source: ")
                    and head[2].startswith("Date: ") and head[3] == ""):
                errors.append(f"{doc}: header must be Title/Source/Date lines then a blank line")
            elif head[2][6:].strip() != g.get("date"):
                errors.append(f"{doc}: Date header {head[2][6:].strip()} != gold date {g.get('date')}")
            body = "\n".join(head[4:])
            words = len(body.split())
            n_docs += 1
            k = 0
            for i, e in enumerate(g["events"]):
                where = f"{doc} event {i + 1}"
                s, t = e.get("sentence", ""), e.get("trigger", "")
                if not s or s not in body:
                    errors.append(f"{where}: sentence not in article body: {s[:60]!r}")
                if not t or t not in s:
                    errors.append(f"{where}: trigger {t!r} not in sentence")
                if t and t not in text:
                    errors.append(f"{where}: trigger {t!r} not in article")
                if e.get("cameo") not in codes:
                    errors.append(f"{where}: unknown CAMEO code {e.get('cameo')!r}")
                if not e.get("source"):
                    errors.append(f"{where}: no source")
                if e.get("source") == e.get("target"):
                    errors.append(f"{where}: self-dyad {e.get('source')}")
                try:
                    datetime.date.fromisoformat(e["date"])
                except (KeyError, ValueError):
                    errors.append(f"{where}: bad date {e.get('date')!r}")
                if not isinstance(e.get("key"), bool):
                    errors.append(f"{where}: key must be true/false")
                k += bool(e.get("key"))
                roots[e.get("cameo", "")[:2]] += 1
                precisions[e.get("date_precision", "day")] += 1
            if not 2 <= k <= 5:
                errors.append(f"{doc}: {k} key events (want 2-5)")
            n_events += len(g["events"])
            n_keys += k
            print(f"{doc}: {words} words, {len(g['events'])} events, {k} key")
    for name in sorted(os.listdir(here)):
        if re.fullmatch(r"[a-z]{1,2}\d+\.txt", name) and name not in docs_seen:
            errors.append(f"{name} has no gold line")

    print(f"\n{n_docs} articles, {n_events} events, {n_keys} key events")
    print("by CAMEO root: " + " ".join(f"{r}:{roots[r]}" for r in sorted(roots)))
    print("date precision: " + " ".join(f"{p}:{c}" for p, c in sorted(precisions.items())))
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for err in errors:
            print("  " + err)
        return 1
    print("all sentences and triggers are exact substrings; all CAMEO codes exist")
    return 0


if __name__ == "__main__":
    sys.exit(main())
