#!/usr/bin/env python3
"""A non-repeating benchmark corpus for peak-memory runs (issue 8).

Like the corpus of `benches/throughput.rs` it concatenates the texts of ../shared/eval into ~3 KB documents and
writes copies until the requested size, but copy k (k >= 1) of a document is passed through a
per-copy deterministic character bijection, so names, organizations and cited sentences differ
between copies.

Which characters move: those that occur in the person names (after the surname) and
organization names (before the suffix) that kgextract itself finds in the distinct documents
(one run of BIN over copy 0), minus every character of the lexicons that rules key on
(surnames, organization suffixes, triggers, titles, context and stop words, date/money/scale
words). They are permuted within two classes -- given-name characters
(schema/lexicons/given_name_chars.txt) and the rest -- so a given name stays a plausible given
name; and the last digit of every run of three or more digits moves by k. Surnames,
suffixes, triggers, titles and punctuation are untouched, so extraction
still finds about as many entities per document as in the original.

usage: benches/distinct_corpus.py BIN OUT_DIR MEGABYTES
  BIN: a kgextract binary (e.g. target/release/kgextract); OUT_DIR: a new folder of .md files;
  the eval texts are read from $KG_SHARED/eval (default: ../shared next to the project).
Deterministic: the same project lexicons and BIN give the same corpus. Peak memory:
  /usr/bin/time -v target/release/kgextract extract OUT_DIR -o OUT --no-render --jobs 1
"""
import glob, json, os, random, re, subprocess, sys, tempfile, csv

if len(sys.argv) != 4:
    sys.exit(__doc__)
BIN, OUT, MB = sys.argv[1], sys.argv[2], float(sys.argv[3])
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('KG_SHARED', os.path.join(ROOT, '..', 'shared'))
cjk = lambda c: '\u4e00' <= c <= '\u9fff'

texts = []
for f in ["ner/cluener2020_dev.jsonl", "ner/msra_test.jsonl", "ner/resume_ner_dev.jsonl",
          "events/duee_fin_dev.jsonl", "events/duee1_dev.jsonl", "events/finre_test.jsonl"]:
    for line in open(os.path.join(SHARED, 'eval', f), encoding='utf-8'):
        try:
            v = json.loads(line)
        except Exception:
            continue
        t = v.get('text') if isinstance(v, dict) else None
        if isinstance(t, str):
            texts.append(t)
docs = []
cur = "# 新闻\n\n发布时间: 2024 年 7 月 21 日\n\n"
for t in texts:
    cur += t + "\n"
    if len(cur.encode()) > 3000:
        docs.append(cur)
        cur = "# 新闻\n\n"
docs.append(cur)

def lex(name):
    p = os.path.join(ROOT, 'schema', 'lexicons', name)
    return [l.strip() for l in open(p, encoding='utf-8') if l.strip() and not l.startswith('#')]

protected = set()
for pat in ['surnames.txt', 'org_suffixes.txt', 'triggers_*.txt', 'titles.txt', 'title_*.txt',
            'words_*.txt', 'after_name_words.txt', 'person_context.txt', 'location_words.txt',
            'date_words.txt', 'currencies.txt', 'scale_words.txt', 'money_*.txt',
            'role_collective.txt', 'org_stopwords.txt', 'not_person.txt', 'not_role.txt',
            'common_words.txt', 'chang_words.txt', 'given_name_bad_chars.txt']:
    for p in glob.glob(os.path.join(ROOT, 'schema', 'lexicons', pat)):
        for w in lex(os.path.basename(p)):
            protected |= set(w)
given = {c for w in lex('given_name_chars.txt') for c in w if cjk(c)}
surnames = sorted(lex('surnames.txt'), key=len, reverse=True)
suffixes = sorted(lex('org_suffixes.txt'), key=len, reverse=True)

# One run over the distinct documents: which names does kgextract find?
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, 'in'); os.makedirs(src)
    for i, d in enumerate(docs):
        open(os.path.join(src, f'd{i:06d}.md'), 'w', encoding='utf-8').write(d)
    subprocess.run([BIN, 'extract', src, '-o', os.path.join(tmp, 'out'), '--no-render',
                    '--force', '--format', 'neo4j'], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    def names(f):
        with open(os.path.join(tmp, 'out', f), encoding='utf-8') as h:
            return [r['name'] for r in csv.DictReader(h)]
    persons, orgs = names('nodes_person.csv'), names('nodes_organization.csv')

pool = set()
for n in persons:
    s = next((s for s in surnames if n.startswith(s)), n[:1])
    pool |= set(n[len(s):])
for n in orgs:
    s = next((s for s in suffixes if n.endswith(s)), '')
    pool |= set(n[:len(n) - len(s)])
pool = {c for c in pool if cjk(c) and c not in protected}
classes = [sorted(pool & given), sorted(pool - given)]
print(f'{len(docs)} distinct documents; {len(classes[0])} given-name and {len(classes[1])} other characters move', file=sys.stderr)

def table(k):
    if k == 0:
        return {}
    rnd = random.Random(k)
    m = {}
    for cls in classes:
        perm = cls[:]
        rnd.shuffle(perm)
        m.update({ord(a): b for a, b in zip(cls, perm)})
    return m

# Copy k also adds k to the last digit of every run of three or more ASCII digits (amounts,
# years, codes; days, months and decimals' two-digit parts stay), so numbers differ too.
DIGITS = re.compile(r'(?<![0-9])([0-9]{2,})([0-9])(?![0-9])')
os.makedirs(OUT, exist_ok=True)
tot, i, tab, tk = 0, 0, {}, -1
while tot < MB * 1e6:
    k = i // len(docs)
    if k != tk:
        tab, tk = table(k), k
    doc = docs[i % len(docs)].translate(tab)
    if k:
        doc = DIGITS.sub(lambda m: m.group(1) + str((int(m.group(2)) + k) % 10), doc)
    b = doc.encode()
    open(os.path.join(OUT, f'd{i:06d}.md'), 'wb').write(b)
    tot += len(b); i += 1
print(OUT, i, 'files', tot, 'bytes', file=sys.stderr)
