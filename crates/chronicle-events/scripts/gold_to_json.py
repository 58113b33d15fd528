#!/usr/bin/env python3
"""Converts tests/gold/dev.txt (compact, hand-written) into tests/gold/dev.json, the PLOVER
gold-standard layout: one record per event; a sentence without an event is one record with
"event": null and empty source/target lists. CAMEO codes are checked against data/cameo.txt,
whose PLOVER columns give event, mode and context.

Usage (from crates/chronicle-events): python3 scripts/gold_to_json.py [NAME]
NAME is the gold set's stem under tests/gold (default "dev"; "dev2" for the second set).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def ontology():
    table = {}
    for line in (HERE / "data" / "cameo.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _gold, _quad, plover, _name = [f.strip() for f in line.split("|", 4)]
        event, mode, context = [None if p == "-" else p for p in plover.split("/")]
        table[code] = (event, mode, context)
    return table


def actor(field):
    field = field.strip()
    if field == "-":
        return []
    text, code = [f.strip() for f in field.rsplit("=", 1)]
    if code[:3] in ("IGO", "NGO"):
        sector = code[:3]
    else:
        sector = code[3:6]
    return [{"actorText": text, "code": code, "sector": sector}]


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "dev"
    # "dev001", "dev2-001": ids stay readable when the stem ends in a digit.
    prefix = name + "-" if name[-1].isdigit() else name
    codes = ontology()
    records, current = [], None
    for n, line in enumerate((HERE / "tests" / "gold" / f"{name}.txt").read_text().splitlines(), 1):
        if line.startswith("S "):
            _, date, text = line.split(" ", 2)
            current = {"id": f"{prefix}{len(set(r['text'] for r in records)) + 1:03d}", "text": text, "date": date, "events": []}
            records.append({**current, "events": None})
            records[-1]["_events"] = current["events"]
        elif line.startswith("E "):
            cameo, src, tgt, modality = [f.strip() for f in line[2:].split("|")]
            if cameo not in codes:
                sys.exit(f"{name}.txt:{n}: unknown CAMEO code {cameo}")
            records[-1]["_events"].append((cameo, src, tgt, modality))
    out = []
    for r in records:
        evs = r["_events"]
        if not evs:
            out.append({"id": r["id"], "text": r["text"], "date": r["date"], "source": [], "target": [],
                        "event": None, "mode": None, "context": None, "cameo": None, "modality": None})
        for k, (cameo, src, tgt, modality) in enumerate(evs):
            event, mode, context = codes[cameo]
            out.append({"id": f"{r['id']}-{k + 1}", "text": r["text"], "date": r["date"],
                        "source": actor(src), "target": actor(tgt), "event": event, "mode": mode,
                        "context": context, "cameo": cameo, "modality": modality})
    (HERE / "tests" / "gold" / f"{name}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(records)} sentences, {sum(len(r['_events']) for r in records)} events")


main()
