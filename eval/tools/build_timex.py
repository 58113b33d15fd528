#!/usr/bin/env python3
"""Build eval/timex/*.tml from the shorthand sources in timex_src.txt.

Shorthand: {{extent|TYPE|value}} or {{extent|TYPE|value|mod=END quant=EVERY freq=2X}}.
Documents are separated by lines '=== DOCID DCT'. tids are assigned in order.
"""
import re, sys, os, xml.dom.minidom, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'timex')
SRC = os.path.join(HERE, 'timex_src.txt')

HEAD = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n')
PAT = re.compile(r'\{\{([^|{}]+)\|(DATE|TIME|DURATION|SET)\|([^|{}]+)(?:\|([^{}]*))?\}\}')
VALRE = re.compile(r'^(\d{4}(-\d\d(-\d\d(T(\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(-WE)?|-(SP|SU|FA|WI)|-H[12]|-Q[1-4])?|\d{2,3}|PRESENT_REF|PAST_REF|FUTURE_REF|P(\d+|X)(Y|M|W|D)|PT(\d+|X)(H|M|S)|T(MO|AF|EV|NI))$')
DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

def build(docid, dct, body):
    n = 0
    stats = []
    def rep(m):
        nonlocal n
        n += 1
        ext, typ, val, extra = m.group(1), m.group(2), m.group(3), m.group(4)
        assert VALRE.match(val), (docid, ext, val)
        attrs = f'tid="t{n}" type="{typ}" value="{val}"'
        if extra:
            for kv in extra.split():
                k, v = kv.split('=')
                assert k in ('mod', 'quant', 'freq'), kv
                attrs += f' {k}="{v}"'
        # weekday sanity: a bare weekday (optionally with part of day) must match its value
        for i, d in enumerate(DAYS):
            if re.search(r'\b' + d + r'\b', ext) and re.match(r'\d{4}-\d\d-\d\d', val):
                wd = datetime.date.fromisoformat(val[:10]).weekday()
                assert wd == i, (docid, ext, val, DAYS[wd])
        stats.append(typ)
        return f'<TIMEX3 {attrs}>{esc(ext)}</TIMEX3>'
    # escape text outside shorthand
    parts, last = [], 0
    for m in PAT.finditer(body):
        parts.append(esc(body[last:m.start()]))
        parts.append(rep(m))
        last = m.end()
    parts.append(esc(body[last:]))
    text = ''.join(parts)
    assert '{{' not in text and '}}' not in text, docid
    xmls = (HEAD + f'<DOCID>{docid}</DOCID>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>\n{text.strip()}\n</TEXT>\n</TimeML>\n')
    xml.dom.minidom.parseString(xmls)  # well-formedness
    with open(os.path.join(OUT, docid + '.tml'), 'w') as f:
        f.write(xmls)
    words = len(re.sub(r'<[^>]+>', '', text).split())
    return n, words, stats

def main():
    src = open(SRC).read()
    docs = re.split(r'^=== ', src, flags=re.M)[1:]
    tot = 0
    for d in docs:
        head, body = d.split('\n', 1)
        docid, dct = head.split()
        n, w, stats = build(docid, dct, body)
        tot += n
        print(f'{docid} {dct} timexes={n} words={w} ' + ' '.join(f'{t}={stats.count(t)}' for t in ('DATE', 'TIME', 'DURATION', 'SET')))
    print('total timexes', tot)

if __name__ == '__main__':
    main()
