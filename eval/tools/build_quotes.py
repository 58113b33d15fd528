#!/usr/bin/env python3
"""Build eval/quotes/NAME.txt + NAME.ann (BRAT, PARC/PolNeAR style) from quotes_src.txt.

Markup: <S:1,2>source</>  <C:1>cue</>  <Q:1>content</>  ; '</>' closes the innermost open tag.
Numbers are attribution ids within a document. Several <Q:k> tags with the same k form one
discontinuous Content annotation. Documents are separated by lines '=== NAME'.
Offsets are computed from the stripped text and every span is re-checked against it.
"""
import os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'quotes')
TAG = re.compile(r'<([SCQ]):([\d,]+)>|</>')
LABEL = {'S': 'Source', 'C': 'Cue', 'Q': 'Content'}

def parse(src):
    out, stack, spans = [], [], []   # spans: (kind, ids, start, end)
    pos, last = 0, 0
    for m in TAG.finditer(src):
        out.append(src[last:m.start()]); pos += m.start() - last; last = m.end()
        if m.group(0) == '</>':
            kind, ids, start = stack.pop()
            spans.append((kind, ids, start, pos))
        else:
            stack.append((m.group(1), tuple(int(x) for x in m.group(2).split(',')), pos))
    out.append(src[last:])
    assert not stack, stack
    return ''.join(out), spans

def build(name, src):
    text, spans = parse(src.strip() + '\n')
    assert '<' not in text and '>' not in text, name
    # group spans into annotations
    anns = {}   # key -> dict(kind, frags, ids)
    for kind, ids, s, e in spans:
        assert text[s:e] == text[s:e].strip() and e > s, (name, kind, repr(text[s:e]))
        key = (kind, ids[0]) if kind == 'Q' else (kind, s, e)
        a = anns.setdefault(key, {'kind': kind, 'frags': [], 'ids': set()})
        a['frags'].append((s, e)); a['ids'].update(ids)
    order = sorted(anns.values(), key=lambda a: min(a['frags']))
    lines, tid = [], {}
    for i, a in enumerate(order, 1):
        a['frags'].sort()
        a['T'] = f'T{i}'
        offs = ';'.join(f'{s} {e}' for s, e in a['frags'])
        t = ' '.join(text[s:e] for s, e in a['frags'])
        assert '\n' not in t, (name, t)
        lines.append(f"T{i}\t{LABEL[a['kind']]} {offs}\t{t}")
    attrib = sorted({k for a in order for k in a['ids']})
    r = 0
    for k in attrib:
        q = [a for a in order if a['kind'] == 'Q' and k in a['ids']]
        s = [a for a in order if a['kind'] == 'S' and k in a['ids']]
        c = [a for a in order if a['kind'] == 'C' and k in a['ids']]
        assert len(q) == 1 and len(s) == 1 and len(c) == 1, (name, k, len(q), len(s), len(c))
        for other in (s[0], c[0]):
            r += 1
            lines.append(f"R{r}\tAttribution Arg1:{q[0]['T']} Arg2:{other['T']}")
    with open(os.path.join(OUT, name + '.txt'), 'w') as f:
        f.write(text)
    with open(os.path.join(OUT, name + '.ann'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    verify(name)
    return len(attrib), len(text.split())

def verify(name):
    text = open(os.path.join(OUT, name + '.txt')).read()
    for line in open(os.path.join(OUT, name + '.ann')):
        if line.startswith('T'):
            tid, mid, t = line.rstrip('\n').split('\t')
            lab, offs = mid.split(' ', 1)
            frags = [tuple(map(int, p.split())) for p in offs.split(';')]
            assert ' '.join(text[s:e] for s, e in frags) == t, (name, line)

def main():
    src = open(os.path.join(HERE, 'quotes_src.txt')).read()
    tot = 0
    for d in re.split(r'^=== ', src, flags=re.M)[1:]:
        name, body = d.split('\n', 1)
        n, w = build(name.strip(), body)
        tot += n
        print(f'{name.strip()}: attributions={n} words={w}')
    print('total attributions', tot)

if __name__ == '__main__':
    main()
