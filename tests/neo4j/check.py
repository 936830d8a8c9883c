#!/usr/bin/env python3
"""Proof on real software: load a kgextract export into genuine Neo4j and check it.

  1. neo4j-import (Neo4j 2.3.3, same header format as neo4j-admin) builds a store from the
     CSV files; imported node/relationship counts must equal the CSV row counts;
  2. a Neo4j 3.1.1 server on 127.0.0.1 opens that store; per label / per type counts, every
     node's labels + properties and every relationship's endpoints + properties must equal
     what the CSV files say (typed: int, double, boolean, string[]);
  3. schema/queries.cypher runs statement by statement; every statement must succeed; a
     statement preceded by `// query: NAME` must return as many rows as
     `kgextract query NAME --format json` on the same export (the query twins);
  4. import.cypher runs TWICE on an empty server (idempotency) and must give exactly the
     graph of step 2 (same nodes, labels, properties, relationships);
  5. `dot -Tsvg graph.dot` must succeed with no warning.

Old-server dialect (documented in schema/graph.md): Neo4j 2.3/3.1 have no temporal types, so
`:date` columns are imported as strings (the header is rewritten in a scratch copy; the data
bytes are untouched) and `date(x)` in import.cypher becomes `x`; Neo4j 5 constraint syntax
`CREATE CONSTRAINT n IF NOT EXISTS FOR (x:L) REQUIRE x.p IS UNIQUE` becomes
`CREATE CONSTRAINT ON (x:L) ASSERT x.p IS UNIQUE`.

Usage: check.py EXPORT_DIR --import-home NEO4J_2.3.3 --server-home NEO4J_3.1.1
                 [--queries schema/queries.cypher] [--kgextract BIN] [--keep]
Exit 0 when everything passed, 1 on a failed check, 2 on a setup problem.
Python 3 standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

JAVA17_FLAGS = " ".join(
    [f"--add-opens=java.base/{p}=ALL-UNNAMED" for p in (
        "java.lang", "java.lang.reflect", "java.nio", "sun.nio.ch", "java.util",
        "java.util.concurrent", "java.io", "jdk.internal.misc", "jdk.internal.ref", "java.net")]
    + [f"--add-exports=java.base/{p}=ALL-UNNAMED" for p in (
        "sun.nio.ch", "jdk.internal.misc", "jdk.internal.ref", "sun.net.www",
        "sun.net.www.protocol.http", "sun.net.www.protocol.https", "sun.net.www.protocol.file")])
NEO4J_23_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string"}
FAILURES: list[str] = []


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def fail(msg: str) -> None:
    FAILURES.append(msg)
    log(f"FAIL: {msg}")


def ok(msg: str) -> None:
    log(f"ok: {msg}")


# ----------------------------------------------------------------------------- the CSV truth
def read_csv(path: Path):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def typed(col: str, val: str):
    """(property name, value) as Neo4j stores it, or None when the field is empty/special."""
    name, _, ty = col.partition(":")
    if col.startswith(":") or val == "":
        return None
    if ty == "ID":
        return name, val
    arr = ty.endswith("[]")
    base = ty[:-2] if arr else (ty or "string")

    def conv(v):
        if base in ("int", "long", "short", "byte"):
            return int(v)
        if base in ("float", "double"):
            return float(v)
        if base == "boolean":
            return v.lower() == "true"
        return v
    if arr:
        return name, [conv(x) for x in val.split(";") if x != ""]
    return name, conv(val)


def export_truth(export: Path):
    nodes, rels = {}, []
    files = {"node": [], "rel": []}
    for p in sorted(export.glob("*.csv")):
        header, rows = read_csv(p)
        is_rel = ":START_ID" in header
        files["rel" if is_rel else "node"].append(p)
        for r in rows:
            props, labels, s, e, t = {}, [], None, None, None
            for c, v in zip(header, r):
                if c == ":LABEL":
                    labels = [x for x in v.split(";") if x]
                elif c == ":START_ID":
                    s = v
                elif c == ":END_ID":
                    e = v
                elif c == ":TYPE":
                    t = v
                else:
                    kv = typed(c, v)
                    if kv:
                        props[kv[0]] = kv[1]
            if is_rel:
                rels.append((s, t, e, props))
            else:
                nodes[props["id"]] = (sorted(labels), props)
    return nodes, rels, files


def canon(v):
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


# ----------------------------------------------------------------------------- Neo4j
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, home: Path, tmp: Path, import_dir: Path | None):
        self.home, self.tmp, self.import_dir = home, tmp, import_dir
        self.proc = None
        self.port = free_port()

    def start(self, timeout: float = 180) -> bool:
        conf = self.tmp / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        for d in ("logs", "run", "import", "data/databases"):
            (self.tmp / d).mkdir(parents=True, exist_ok=True)
        (conf / "neo4j.conf").write_text("\n".join([
            f"dbms.directories.data={self.tmp / 'data'}",
            f"dbms.directories.logs={self.tmp / 'logs'}",
            f"dbms.directories.run={self.tmp / 'run'}",
            f"dbms.directories.import={self.import_dir or self.tmp / 'import'}",
            "dbms.active_database=graph.db",
            "dbms.allow_format_migration=true",
            "dbms.security.auth_enabled=false",
            "dbms.connectors.default_listen_address=127.0.0.1",
            "dbms.connector.bolt.enabled=true",
            f"dbms.connector.bolt.listen_address=127.0.0.1:{free_port()}",
            "dbms.connector.http.enabled=true",
            f"dbms.connector.http.listen_address=127.0.0.1:{self.port}",
            "dbms.connector.https.enabled=false",
            "dbms.shell.enabled=false",
            "dbms.udc.enabled=false",
            "dbms.memory.heap.initial_size=256m",
            "dbms.memory.heap.max_size=1g",
            "dbms.memory.pagecache.size=64m", ""]))
        env = dict(os.environ, NEO4J_CONF=str(conf))
        env["JDK_JAVA_OPTIONS"] = (env.get("JDK_JAVA_OPTIONS", "") + " " + JAVA17_FLAGS).strip()
        self.logf = open(self.tmp / "server.log", "w")
        self.proc = subprocess.Popen([str(self.home / "bin" / "neo4j"), "console"], env=env,
                                     stdout=self.logf, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        t0 = time.time()
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/db/data/", timeout=2).read()
                log(f"[server] Neo4j 3.1.1 up on 127.0.0.1:{self.port} after {time.time() - t0:.1f}s")
                return True
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        log("[server] did not come up; last log lines:")
        for ln in (self.tmp / "server.log").read_text(errors="replace").splitlines()[-15:]:
            log(f"    {ln}")
        return False

    def query(self, q: str):
        body = json.dumps({"statements": [{"statement": q, "resultDataContents": ["row"]}]}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/db/data/transaction/commit", data=body,
                                     headers={"Content-Type": "application/json",
                                              "Accept": "application/json; charset=UTF-8"})
        res = json.loads(urllib.request.urlopen(req, timeout=300).read().decode("utf-8"))
        if res.get("errors"):
            e = res["errors"][0]
            raise RuntimeError(f"{e.get('code')}: {e.get('message', '').splitlines()[0]}")
        r = res["results"][0]
        return r["columns"], [d["row"] for d in r["data"]]

    def stop(self) -> None:
        if not self.proc or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the group this script started
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        except ProcessLookupError:
            pass
        log(f"[server] pid {self.proc.pid} stopped")


def fingerprint(srv: Server):
    _, nrows = srv.query("MATCH (n) RETURN n.id, labels(n), properties(n)")
    _, rrows = srv.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)")
    nodes = {r[0]: (sorted(r[1]), r[2]) for r in nrows}
    rels = sorted(canon([a, t, b, p]) for a, t, b, p in rrows)
    return nodes, rels


def compare_graph(what: str, got_nodes, got_rels, want_nodes, want_rels) -> None:
    if len(got_nodes) != len(want_nodes):
        fail(f"{what}: {len(got_nodes)} nodes, CSV has {len(want_nodes)}")
    diffs = []
    for nid, (labels, props) in sorted(want_nodes.items()):
        g = got_nodes.get(nid)
        if g is None:
            diffs.append(f"node {nid} missing")
        elif canon(g) != canon((labels, props)):
            diffs.append(f"node {nid}: got {canon(g)}\n        want {canon((labels, props))}")
    want = sorted(canon([s, t, e, p]) for s, t, e, p in want_rels)
    if got_rels != want:
        only_g = sorted(set(got_rels) - set(want))[:5]
        only_w = sorted(set(want) - set(got_rels))[:5]
        diffs += [f"relationship only in Neo4j: {x}" for x in only_g]
        diffs += [f"relationship only in CSV:   {x}" for x in only_w]
        if len(got_rels) != len(want):
            diffs.append(f"{len(got_rels)} relationships, CSV has {len(want)}")
    if diffs:
        fail(f"{what}: graph differs from the CSV files:\n    " + "\n    ".join(diffs[:12]))
    else:
        ok(f"{what}: {len(got_nodes)} nodes and {len(got_rels)} relationships equal the CSV rows, "
           "labels and typed properties included")


def split_cypher(text: str):
    """(statement, query name or None) separated by ';' outside quotes; // comments dropped."""
    out, buf, name, q, i = [], [], None, None, 0
    pending_name = None
    while i < len(text):
        c = text[i]
        if q:
            buf.append(c)
            if c == "\\" and q != "`" and i + 1 < len(text):
                buf.append(text[i + 1]); i += 2; continue
            if c == q:
                q = None
        elif c in "'\"`":
            q = c; buf.append(c)
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = len(text) if j < 0 else j
            m = re.match(r"//\s*query:\s*(\S+)", text[i:j])
            if m:
                pending_name = m.group(1)
            i = j
            continue
        elif c == ";":
            st = "".join(buf).strip()
            if st:
                out.append((st, pending_name))
            buf, pending_name = [], None
        else:
            if not c.isspace() and name is None:
                pass
            buf.append(c)
        i += 1
    st = "".join(buf).strip()
    if st:
        out.append((st, pending_name))
    return out


def dialect31(stmt: str) -> str:
    m = re.match(r"(?is)^CREATE\s+CONSTRAINT\s+(?:\w+\s+)?(?:IF\s+NOT\s+EXISTS\s+)?FOR\s*\((\w+):(\w+)\)\s*"
                 r"REQUIRE\s+(\w+)\.(\w+)\s+IS\s+UNIQUE$", stmt)
    if m:
        v, lab, v2, prop = m.groups()
        return f"CREATE CONSTRAINT ON ({v}:{lab}) ASSERT {v2}.{prop} IS UNIQUE"
    return re.sub(r"\bdate\(", "(", stmt)


# ----------------------------------------------------------------------------- steps
def step_import(args, export: Path, tmp: Path, want_nodes, want_rels, files) -> bool:
    csvdir = tmp / "csv"
    csvdir.mkdir()
    for p in files["node"] + files["rel"]:
        raw = p.read_bytes()
        cut = raw.find(b"\n")
        header, body = raw[:cut].decode("utf-8"), raw[cut:]
        cols = []
        for c in header.split(","):
            name, _, ty = c.partition(":")
            base = ty[:-2] if ty.endswith("[]") else ty
            if name and ty and base not in NEO4J_23_TYPES and base.upper() not in ("ID", "START_ID", "END_ID", "TYPE", "LABEL", "IGNORE"):
                c = name + (":string[]" if ty.endswith("[]") else "")
            cols.append(c)
        (csvdir / p.name).write_bytes(",".join(cols).encode("utf-8") + body)
    store = tmp / "data" / "databases" / "graph.db"
    store.parent.mkdir(parents=True)
    cmd = [str(Path(args.import_home) / "bin" / "neo4j-import"), "--into", str(store), "--id-type", "string",
           "--delimiter", ",", "--array-delimiter", ";", "--quote", '"', "--multiline-fields", "false",
           "--ignore-empty-strings", "false", "--ignore-extra-columns", "false",
           "--skip-bad-relationships", "false", "--skip-duplicate-nodes", "false", "--bad-tolerance", "0"]
    for p in files["node"]:
        cmd += ["--nodes", str(csvdir / p.name)]
    for p in files["rel"]:
        cmd += ["--relationships", str(csvdir / p.name)]
    env = dict(os.environ)
    env["JDK_JAVA_OPTIONS"] = (env.get("JDK_JAVA_OPTIONS", "") + " " + JAVA17_FLAGS).strip()
    t0 = time.time()
    try:
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, errors="replace", timeout=600)
    except subprocess.TimeoutExpired:
        fail("neo4j-import did not finish in 600 s")
        return False
    out = r.stdout + r.stderr
    (tmp / "neo4j-import.log").write_text(out)
    m = re.search(r"IMPORT DONE.*?(\d+) nodes\s+(\d+) relationships", out, re.S)
    if r.returncode != 0 or not m:
        fail(f"neo4j-import 2.3.3 failed (exit {r.returncode}):\n    " +
             "\n    ".join(ln for ln in out.splitlines() if ln.strip() and not ln.startswith("["))[-2000:])
        return False
    n, e = int(m.group(1)), int(m.group(2))
    if (n, e) != (len(want_nodes), len(want_rels)):
        fail(f"neo4j-import imported {n} nodes, {e} relationships; the CSV rows say "
             f"{len(want_nodes)} nodes, {len(want_rels)} relationships")
        return False
    ok(f"neo4j-import 2.3.3 in {time.time() - t0:.1f}s: {n} nodes, {e} relationships = CSV row counts")
    return True


def step_counts(srv: Server, files) -> None:
    _, rows = srv.query("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)")
    by_label = {l: c for l, c in rows}
    for p in files["node"]:
        header, data = read_csv(p)
        li = header.index(":LABEL")
        first = Counter(r[li].split(";")[0] for r in data)
        for lab, c in first.items():
            if by_label.get(lab, 0) < c:
                fail(f"{p.name}: {c} rows with label {lab}, Neo4j has {by_label.get(lab, 0)}")
    _, rows = srv.query("MATCH ()-[r]->() RETURN type(r), count(*)")
    by_type = {t: c for t, c in rows}
    for p in files["rel"]:
        header, data = read_csv(p)
        ti = header.index(":TYPE")
        for t, c in Counter(r[ti] for r in data).items():
            if by_type.get(t) != c:
                fail(f"{p.name}: {c} rows of type {t}, Neo4j has {by_type.get(t)}")
    ok(f"per-label and per-type counts match ({len(by_label)} labels, {len(by_type)} relationship types)")
    # MANAGES (fund manager → fund) joins two organizations, nothing else (schema/graph.md).
    _, rows = srv.query("MATCH (a)-[r:MANAGES]->(b) WHERE NOT (a:Organization AND b:Organization) "
                        "RETURN count(r)")
    if rows[0][0]:
        fail(f"{rows[0][0]} MANAGES relationships not from an Organization to an Organization")
    else:
        ok(f"every MANAGES relationship joins two organizations ({by_type.get('MANAGES', 0)} in all)")
    _, rows = srv.query("MATCH ()-[r]->() WHERE r.doc IS NULL OR r.rule IS NULL OR r.start IS NULL "
                        "OR r.end IS NULL OR r.sentence IS NULL RETURN count(r)")
    if rows[0][0]:
        fail(f"{rows[0][0]} relationships without evidence (doc, sentence, start, end, rule)")
    else:
        ok("every relationship carries evidence (doc, sentence, start, end, rule)")


def norm_value(v):
    """Lists compare as sets (Cypher 3.1 cannot sort a collected list); a map of lists
    {TYPE: [names]} and a list of {type, name} maps are the same pairs (an event without
    participants is {} in JSON and [] in Cypher: both are no pairs)."""
    if isinstance(v, dict) and all(isinstance(x, list) for x in v.values()):
        v = [{"type": k, "name": n} for k, ns in v.items() for n in ns]
    if isinstance(v, list):
        return sorted({canon(norm_value(x)) for x in v})
    if isinstance(v, dict):
        return {k: norm_value(x) for k, x in v.items()}
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def compare_twin(cols, rows, twin) -> str | None:
    """None when the Cypher rows and `kgextract query --format json` rows agree: same columns,
    same rows (as a multiset, values normalized by norm_value)."""
    if not isinstance(twin, list):
        return "JSON output is not an array of rows"
    if len(twin) != len(rows):
        return f"{len(rows)} rows in Neo4j, {len(twin)} from kgextract"
    keys = set()
    for t in twin:
        keys |= set(t)
    if twin and keys != set(cols):
        return (f"columns differ: only in Cypher {sorted(set(cols) - keys)}, "
                f"only in kgextract {sorted(keys - set(cols))}")
    a = Counter(canon({c: norm_value(v) for c, v in zip(cols, r)}) for r in rows)
    b = Counter(canon({c: norm_value(t.get(c)) for c in cols}) for t in twin)
    if a != b:
        only_a = list((a - b).elements())[:3]
        only_b = list((b - a).elements())[:3]
        return f"rows differ:\n      only in Neo4j: {only_a}\n      only in kgextract: {only_b}"
    return None


def step_queries(args, srv: Server, export: Path) -> None:
    qfile = Path(args.queries)
    if not qfile.is_file():
        log(f"note: {qfile} does not exist yet; no queries to run")
        return
    stmts = split_cypher(qfile.read_text(encoding="utf-8"))
    if not stmts:
        fail(f"{qfile}: no statements")
        return
    results = []
    for k, (st, name) in enumerate(stmts, 1):
        try:
            cols, rows = srv.query(st)
        except Exception as e:  # noqa: BLE001 - report any server error
            fail(f"{qfile} statement {k}{' (' + name + ')' if name else ''} failed on Neo4j 3.1.1: {e}\n    {st[:200]}")
            continue
        results.append({"statement": k, "name": name, "columns": cols, "rows": rows})
        line = f"{qfile.name} statement {k}{' (' + name + ')' if name else ''}: {len(rows)} rows"
        if name and args.kgextract:
            r = subprocess.run([args.kgextract, "query", name, "--graph", str(export), "--format", "json"],
                               capture_output=True, text=True, timeout=120)
            if r.returncode != 0:
                fail(f"kgextract query {name} failed (exit {r.returncode}): {r.stderr.strip()[:300]}")
                continue
            try:
                twin = json.loads(r.stdout or "[]")
            except json.JSONDecodeError as e:
                fail(f"kgextract query {name} --format json is not JSON: {e}")
                continue
            problem = compare_twin(cols, rows, twin)
            if problem:
                fail(f"{line}, but differs from its twin `kgextract query {name} --format json`: {problem}")
                continue
            line += f" = kgextract query {name}"
        ok(line)
    (Path(args.work) / "queries.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))


def step_cypher_script(args, export: Path, tmp: Path, ref_nodes, ref_rels) -> None:
    script = export / "import.cypher"
    if not script.is_file():
        fail("import.cypher missing")
        return
    srv = Server(Path(args.server_home), tmp, export.resolve())
    try:
        if not srv.start():
            fail("Neo4j 3.1.1 server for import.cypher did not start")
            return
        stmts = [dialect31(s) for s, _ in split_cypher(script.read_text(encoding="utf-8"))]
        t0 = time.time()
        for rnd in (1, 2):
            for k, st in enumerate(stmts, 1):
                try:
                    srv.query(st)
                except Exception as e:  # noqa: BLE001
                    fail(f"import.cypher statement {k} (run {rnd}) failed on Neo4j 3.1.1: {e}\n    {st[:200]}")
                    return
            if rnd == 1:
                first = fingerprint(srv)
        ok(f"import.cypher ran twice ({len(stmts)} statements each) in {time.time() - t0:.1f}s")
        nodes, rels = fingerprint(srv)
        if canon(first) != canon((nodes, rels)):
            fail("import.cypher is not idempotent: the second run changed the graph")
        else:
            ok("import.cypher is idempotent (second run changed nothing)")
        compare_graph("import.cypher graph vs neo4j-import graph", nodes, rels,
                      {k: tuple(v) for k, v in ref_nodes.items()}, [json.loads(x) for x in ref_rels])
    finally:
        srv.stop()


def step_dot(export: Path) -> None:
    dot_file = export / "graph.dot"
    if not dot_file.is_file():
        fail("graph.dot missing")
        return
    if not shutil.which("dot"):
        fail("Graphviz `dot` is not installed")
        return
    with tempfile.TemporaryDirectory() as td:
        r = subprocess.run(["dot", "-Tsvg", str(dot_file), "-o", str(Path(td) / "g.svg")],
                           capture_output=True, text=True, errors="replace", timeout=300)
        msgs = [m for m in (r.stdout + r.stderr).splitlines() if m.strip()]
        if r.returncode != 0 or msgs:
            fail(f"dot -Tsvg graph.dot: exit {r.returncode}\n    " + "\n    ".join(msgs[:10]))
        else:
            ok(f"dot -Tsvg graph.dot: no warnings ({(Path(td) / 'g.svg').stat().st_size} bytes of SVG)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("export", type=Path)
    ap.add_argument("--import-home", required=True)
    ap.add_argument("--server-home", required=True)
    ap.add_argument("--queries", default="schema/queries.cypher")
    ap.add_argument("--kgextract", help="kgextract binary, for the query twins")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = ap.parse_args()
    for h in (args.import_home, args.server_home):
        if not (Path(h) / "lib").is_dir():
            log(f"no Neo4j distribution at {h}")
            return 2
    if not shutil.which("java"):
        log("java is not on PATH")
        return 2
    export = args.export
    want_nodes, want_rels, files = export_truth(export)
    log(f"[csv] {len(files['node'])} node files, {len(files['rel'])} relationship files: "
        f"{len(want_nodes)} nodes, {len(want_rels)} relationships")
    work = Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
    args.work = str(work)
    try:
        # 1 + 2: neo4j-import, then the server on that store.
        imp = work / "import"
        imp.mkdir()
        if step_import(args, export, imp, want_nodes, want_rels, files):
            srv = Server(Path(args.server_home), imp, None)
            try:
                if srv.start():
                    nodes, rels = fingerprint(srv)
                    compare_graph("neo4j-import graph", nodes, rels, want_nodes, want_rels)
                    step_counts(srv, files)
                    step_queries(args, srv, export)
                else:
                    fail("Neo4j 3.1.1 server did not start on the imported store")
                    nodes, rels = {}, []
            finally:
                srv.stop()
            # 4: import.cypher on an empty server must give the same graph.
            script_tmp = work / "script"
            script_tmp.mkdir()
            step_cypher_script(args, export, script_tmp, nodes, rels)
        # 5: the diagram.
        step_dot(export)
    finally:
        if args.keep:
            log(f"scratch kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        log(f"RESULT: FAIL ({len(FAILURES)} failed checks)")
        return 1
    log("RESULT: PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
