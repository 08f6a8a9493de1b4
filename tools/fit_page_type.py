#!/usr/bin/python3
"""Fit byline's page-type model and write src/extract/page_model.h.

usage: tools/fit_page_type.py [--shared ../shared] [--build build] [--cv]

The model is a multinomial logistic regression over the 55 numbers page_feature_vector() makes of a
page (URL shape, structured-data types, class-name hint counts, text shares; src/extract/page_type.c
names them), for the seven kinds WCXB labels: article, forum, product, collection, listing,
documentation, service. It learns from ../shared/corpora/wcxb-dev's labels; the features come from
`byline-dump --features`, so training and byline read pages the same way. Every page is learnt twice,
with and without its URL's features, since byline often reads files that come without a URL. Kinds keep
their natural shares (no class weights): on the web, and in news corpora even more, most pages are
articles, and an article read as a listing loses more than a listing read as an article. Adam, 300
epochs, L2 1e-3; no randomness (the folds of --cv are fixed), so the same build and data give the same
header.
--cv also reports 5-fold cross-validated agreement: the estimate for pages the model has not seen.
"""
import argparse, collections, concurrent.futures as cf, gzip, json, math, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KINDS = ['article', 'forum', 'product', 'collection', 'listing', 'documentation', 'service']
ENUM = ['PK_ARTICLE', 'PK_FORUM', 'PK_PRODUCT', 'PK_COLLECTION', 'PK_LISTING', 'PK_DOCS', 'PK_SERVICE']


def features(build, shared):
    base = os.path.join(shared, 'corpora', 'wcxb-dev')
    gt = os.path.join(base, 'ground-truth')

    def one(name):
        d = json.load(open(os.path.join(gt, name), encoding='utf-8'))
        t = ((d.get('_internal') or {}).get('page_type') or {}).get('primary', 'article')
        with tempfile.NamedTemporaryFile(suffix='.html') as f:
            f.write(gzip.open(os.path.join(base, 'html', name[:-5] + '.html.gz')).read())
            f.flush()
            out = subprocess.run([os.path.join(build, 'byline-dump'), '--url', d.get('url') or '', '--features',
                                  f.name], capture_output=True, text=True, check=True).stdout
        return json.loads(out)['x'], KINDS.index('collection' if t == 'category' else t)

    with cf.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        return list(ex.map(one, sorted(os.listdir(gt))))


def train(data, epochs=300, l2=1e-3, lr=0.05, balance=0.0):
    d, k = len(data[0][0]), len(KINDS)
    count = collections.Counter(y for _, y in data)
    cw = {c: (len(data) / (k * n)) ** balance for c, n in count.items()}
    W = [[0.0] * d for _ in range(k)]
    m = [[0.0] * d for _ in range(k)]
    v = [[0.0] * d for _ in range(k)]
    for ep in range(1, epochs + 1):
        G = [[0.0] * d for _ in range(k)]
        for x, y in data:
            z = [sum(a * b for a, b in zip(W[c], x)) for c in range(k)]
            zm = max(z)
            e = [math.exp(t - zm) for t in z]
            s = sum(e)
            for c in range(k):
                g = (e[c] / s - (c == y)) * cw[y]
                if g:
                    Gc = G[c]
                    for j in range(d):
                        Gc[j] += g * x[j]
        for c in range(k):
            for j in range(d):
                g = G[c][j] / len(data) + l2 * W[c][j]
                m[c][j] = 0.9 * m[c][j] + 0.1 * g
                v[c][j] = 0.999 * v[c][j] + 0.001 * g * g
                W[c][j] -= lr * (m[c][j] / (1 - 0.9 ** ep)) / (math.sqrt(v[c][j] / (1 - 0.999 ** ep)) + 1e-8)
    return W


def without_url(data):
    """The same pages as if read without a URL: the URL_* features (x[1:13]) off."""
    return [([x[0]] + [0.0] * 12 + x[13:], y) for x, y in data]


def predict(W, x):
    z = [sum(a * b for a, b in zip(w, x)) for w in W]
    return max(range(len(z)), key=lambda c: z[c])


def agreement(W, data):
    ok = sum(predict(W, x) == y for x, y in data)
    merged = sum(predict(W, x) == y or (predict(W, x) in (3, 4) and y in (3, 4)) for x, y in data)
    return ok / len(data), merged / len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', default=os.path.join(ROOT, '..', 'shared'))
    ap.add_argument('--build', default=os.path.join(ROOT, 'build'))
    ap.add_argument('--cv', action='store_true')
    ap.add_argument('--out', default=os.path.join(ROOT, 'src', 'extract', 'page_model.h'))
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, 'corpora', 'wcxb-dev')):
        sys.exit('fit_page_type: ../shared/corpora/wcxb-dev is absent')
    data = features(a.build, a.shared)
    if a.cv:
        res = []
        for f in range(5):
            test = data[f::5]
            learn = [p for i, p in enumerate(data) if i % 5 != f]
            W = train(learn + without_url(learn))
            res.append(agreement(W, test))
            print(f'fold {f}: {res[-1][0]:.3f} ({res[-1][1]:.3f} with collection and listing merged)', flush=True)
        print(f'5-fold agreement {sum(r[0] for r in res) / 5:.3f}, merged {sum(r[1] for r in res) / 5:.3f}')
    W = train(data + without_url(data))
    acc, mer = agreement(W, data)
    nacc, nmer = agreement(W, without_url(data))
    print(f'training agreement {acc:.3f}, merged {mer:.3f} ({len(data)} pages); without URLs {nacc:.3f}, {nmer:.3f}')
    with open(a.out, 'w') as o:
        o.write('/* Generated by tools/fit_page_type.py from wcxb-dev\'s page-type labels: do not edit.\n'
                f' * Training agreement {acc:.3f} ({mer:.3f} with collection and listing merged). */\n')
        o.write(f'enum {{ PM_KINDS = {len(KINDS)} }};\n')
        o.write('static const page_kind PM_KIND[PM_KINDS] = {' + ', '.join(ENUM) + '};\n')
        o.write('static const float PM_W[PM_KINDS][PF_DIM] = {\n')
        for c, w in enumerate(W):
            o.write(f'    /* {KINDS[c]} */ {{' + ', '.join(f'{x:.5f}f' for x in w) + '},\n')
        o.write('};\n')


if __name__ == '__main__':
    main()
