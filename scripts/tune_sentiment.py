import csv, math, sys
import vaderSentiment.vaderSentiment as V
rows=list(csv.DictReader(open('/work/shared/eval/vader_tweets.csv',newline='',encoding='utf-8')))
texts=[r['text'] for r in rows]; ys=[float(r['mean_rating']) for r in rows]
def pearson(a,b):
    n=len(a); ma=sum(a)/n; mb=sum(b)/n
    sab=sum((x-ma)*(y-mb) for x,y in zip(a,b)); sa=sum((x-ma)**2 for x in a); sb=sum((y-mb)**2 for y in b)
    return sab/math.sqrt(sa*sb)
V.N_SCALAR=float(sys.argv[1])
V.SentimentIntensityAnalyzer._amplify_ep=staticmethod(lambda text: min(text.count('!'),4)*float(sys.argv[2]))
sia=V.SentimentIntensityAnalyzer()
cap=[]
orig=V.SentimentIntensityAnalyzer.score_valence
def sv(self,sentiments,text):
    cap.append((list(sentiments), self._punctuation_emphasis(text)))
    return orig(self,sentiments,text)
V.SentimentIntensityAnalyzer.score_valence=sv
for t in texts: sia.polarity_scores(t)
for p in [0.4,0.5,0.6]:
  for a in [6,10,15]:
    xs=[]
    for s,e in cap:
        x=sum(s); n=sum(1 for v in s if v!=0)
        x = x/(max(n,1)**(1-p))
        if x>0: x+=e
        elif x<0: x-=e
        xs.append(x/math.sqrt(x*x+a))
    print(sys.argv[1:],p,a,round(pearson(xs,ys),4))
