import numpy as np
from scripts.intro_data import load_rows
from scripts.train_intro import design, _oof
from app.core.intro import FEATURES
rows=load_rows(); d=design(rows)
p=_oof(d,3)
order=np.argsort(-p)
print("NEGATIVES scoring high")
for i in order:
    if d.y[i]==0 and p[i]>0.6 and rows[i].source!="written":
        r=rows[i]; print(f"{p[i]:.2f} {r.id} {r.label} {r.notes[:90]!r}")
print("POSITIVES scoring low")
for i in order[::-1]:
    if d.y[i]==1 and p[i]<0.7:
        r=rows[i]; print(f"{p[i]:.2f} {r.id} {r.notes[:90]!r}")
