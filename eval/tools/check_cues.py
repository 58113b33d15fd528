import re,glob,os
V=r"\b(said|says|say|told|tells|added|adds|warned|according|stated|announced|insisted|claimed|urged|stressed|reported|noted|asked|argued|saying|denied|believe|believes|confirmed|acknowledged|called|calling|described)\b"
for t in sorted(glob.glob('../quotes/*.txt')):
    text=open(t).read(); ann=open(t[:-4]+'.ann').read()
    cues=[tuple(map(int,l.split('\t')[1].split()[1:3])) for l in ann.splitlines() if '\tCue ' in l]
    for m in re.finditer(V,text):
        if not any(s<=m.start()<e for s,e in cues):
            print(os.path.basename(t), m.group(0), '|', text[max(0,m.start()-60):m.end()+40].replace('\n',' '))
