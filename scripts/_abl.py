import numpy as np
from sklearn.metrics import average_precision_score
from scripts.intro_data import load_rows
from scripts.train_intro import design, _oof, Data
from app.core.intro import FEATURES
rows=load_rows(); d=design(rows)
real=np.array([r.source!='written' for r in rows])
def ev(data, label):
    p=_oof(data,3)
    ap=average_precision_score(data.y,p); apr=average_precision_score(data.y[real],p[real])
    out=[]
    for t in (0.5,0.7,0.8,0.9):
        ch=(p>=t)&real; tp=(ch&(data.y==1)).sum(); out.append(f"{t}:P{tp/max(ch.sum(),1):.2f}/R{tp/(data.y[real]==1).sum():.2f}")
    print(f"{label:20s} AP {ap:.3f} realAP {apr:.3f}", " ".join(out))
ev(d,'all')
for f in ['length','cc_new','is_reply','cc_sender_org','cc_recipient_org','recipients','named','addressed','cue_classic','cue_handoff','cue_one_sided','cue_copied']:
    k=[i for i,n in enumerate(FEATURES) if n!=f]
    ev(Data(d.x[:,k],d.y,d.w,d.g), '-'+f)
