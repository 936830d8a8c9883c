//! Throughput benchmark (issue 8): MB/s per stage and end to end, with jieba-rs `tag` on the
//! same text as a yardstick, in the same run.
//!
//! ```sh
//! cargo bench --bench throughput                 # corpus built from ../shared/eval (~100 MB)
//! cargo bench --bench throughput -- --mb 20      # a smaller corpus
//! cargo bench --bench throughput -- DIR_OR_FILE  # your own .txt/.md files
//! ```
//!
//! The default corpus is real news text: the sentences of the NER and event files in
//! `../shared/eval/` concatenated into ~3 KB documents and repeated to the requested size.
//! Stages run on one thread so the numbers are per core; the end-to-end run is then repeated
//! with 1 and 2 worker threads to show scaling. Peak memory is measured outside, with
//! `/usr/bin/time -v target/release/kgextract extract BIG_FOLDER -o /tmp/out`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use kgextract::export::{ExportOptions, OutDir, select};
use kgextract::extract::{AnnotatedDoc, DocExtraction, finish, run};
use kgextract::graph::KnowledgeGraph;
use kgextract::rules::Rules;
use kgextract::{normalize, read, segment};

/// The allocator the `kgextract` binary uses (see `src/main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn eval_texts(shared: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    for f in [
        "ner/cluener2020_dev.jsonl",
        "ner/msra_test.jsonl",
        "ner/resume_ner_dev.jsonl",
        "events/duee_fin_dev.jsonl",
        "events/duee1_dev.jsonl",
        "events/finre_test.jsonl",
    ] {
        let Ok(s) = std::fs::read_to_string(shared.join("eval").join(f)) else {
            continue;
        };
        for line in s.lines() {
            let v: Option<serde_json::Value> = serde_json::from_str(line).ok();
            if let Some(t) = v
                .as_ref()
                .and_then(|v| v.get("text"))
                .and_then(|t| t.as_str())
            {
                texts.push(t.to_string());
            }
        }
    }
    texts
}

fn corpus(args: &[String]) -> Vec<Vec<u8>> {
    let mb: f64 = args
        .windows(2)
        .find(|w| w[0] == "--mb")
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(100.0);
    let target = (mb * 1e6) as usize;
    if let Some(p) = args
        .iter()
        .find(|a| !a.starts_with("--") && Path::new(a).exists())
    {
        let files = read::expand_inputs(&[PathBuf::from(p)]).expect("readable corpus");
        let docs: Vec<Vec<u8>> = files
            .iter()
            .filter_map(|(p, _)| std::fs::read(p).ok())
            .collect();
        return repeat(docs, target);
    }
    let shared = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"),
        "/work/shared",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.join("eval").is_dir())
    .expect("no corpus given and ../shared/eval not found");
    let texts = eval_texts(&shared);
    let mut docs = Vec::new();
    let mut cur = String::from("# 新闻\n\n发布时间: 2024 年 7 月 21 日\n\n");
    for t in texts {
        cur.push_str(&t);
        cur.push('\n');
        if cur.len() > 3000 {
            docs.push(std::mem::replace(&mut cur, String::from("# 新闻\n\n")).into_bytes());
        }
    }
    docs.push(cur.into_bytes());
    repeat(docs, target)
}

fn repeat(docs: Vec<Vec<u8>>, target: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut total = 0;
    'outer: loop {
        for d in &docs {
            total += d.len();
            out.push(d.clone());
            if total >= target {
                break 'outer;
            }
        }
        if docs.is_empty() {
            break;
        }
    }
    out
}

/// CPU seconds used by this process so far (user + system, from `/proc/self/stat`; 0 where
/// that file does not exist). On a shared machine, CPU time is a steadier measure than wall
/// time: other processes stretch the wall clock, not the CPU time a stage needs.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| f.get(i).and_then(|v| v.parse::<f64>().ok()))
        .sum();
    ticks / 100.0 // USER_HZ is 100 on Linux
}

/// Wall and CPU time of a stage.
struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: cpu_secs(),
        }
    }
    fn secs(&self) -> (f64, f64) {
        (self.wall.elapsed().as_secs_f64(), cpu_secs() - self.cpu)
    }
}

fn mbps(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs.max(1e-9)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let rules = Rules::builtin();
    let docs = corpus(&args);
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    println!(
        "corpus: {} documents, {:.1} MB",
        docs.len(),
        bytes as f64 / 1e6
    );

    // Stage by stage, one thread.
    let t = Clock::start();
    let read_docs: Vec<read::Document> = docs
        .iter()
        .enumerate()
        .map(|(i, b)| read::from_bytes(&format!("d{i:08}"), "bench", b).expect("decodable"))
        .collect();
    let t_read = t.secs();
    let t = Clock::start();
    let norms: Vec<_> = read_docs.iter().map(normalize::normalize).collect();
    let t_norm = t.secs();
    let t = Clock::start();
    let sents: Vec<_> = norms.iter().map(segment::segment).collect();
    let t_seg = t.secs();
    let t = Clock::start();
    let extractions: Vec<DocExtraction> = read_docs
        .iter()
        .zip(&norms)
        .zip(&sents)
        .map(|((d, n), s)| {
            let mut ad = AnnotatedDoc::new(d, n, s);
            run(&mut ad, rules);
            finish(ad)
        })
        .collect();
    let t_extract = t.secs();
    // What the per-document results hold until the graph is built (they are all alive at
    // once, because entity resolution looks at every document): an estimate of the bytes.
    {
        use kgextract::extract::{Event, Mention, Relation};
        use std::mem::size_of;
        let (mut m, mut r, mut e, mut heap, mut sent) = (0usize, 0usize, 0usize, 0usize, 0usize);
        for x in &extractions {
            m += x.mentions.len();
            r += x.relations.len();
            e += x.events.len();
            heap += x
                .mentions
                .iter()
                .map(|m| m.text.capacity() + m.name.capacity())
                .sum::<usize>();
            sent += x.sentences.iter().map(|s| s.capacity() + 24).sum::<usize>();
        }
        let mb = |b: usize| b as f64 / 1e6;
        println!(
            "results: {m} mentions ({} B each + {:.1} MB of text/name strings), {r} relations ({} B each), {e} events ({} B each), {:.1} MB of kept sentences; ≈ {:.1} MB in all",
            size_of::<Mention>(),
            mb(heap),
            size_of::<Relation>(),
            size_of::<Event>(),
            mb(sent),
            mb(m * size_of::<Mention>()
                + heap
                + r * size_of::<Relation>()
                + e * size_of::<Event>()
                + sent)
        );
    }
    // The extract stage again, family by family (the same order as `extract::run`), to show
    // where its time goes. Each family's time includes committing its candidates.
    let mut fam_secs: Vec<(&str, f64)> = Vec::new();
    {
        use kgextract::extract::{Extractor, commit, date, event, location, money, org, person};
        use kgextract::extract::{position, role};
        let families: [&dyn Extractor; 6] = [
            &org::OrgExtractor,
            &location::LocationExtractor,
            &role::RoleExtractor,
            &person::PersonExtractor,
            &money::MoneyExtractor,
            &date::DateExtractor,
        ];
        let mut secs = [0f64; 9];
        for ((d, n), s) in read_docs.iter().zip(&norms).zip(&sents) {
            let mut ad = AnnotatedDoc::new(d, n, s);
            // As in `extract::run`: whole-text lexicon passes are shared within the document
            // (the first family to ask for a lexicon's matches pays for the pass).
            let _scope = kgextract::rules::DocScope::enter(&n.text);
            for (i, fam) in families.iter().enumerate() {
                let t = Instant::now();
                let mut cands = Vec::new();
                fam.find(&ad, rules, &mut cands);
                commit(&mut ad, cands);
                secs[i] += t.elapsed().as_secs_f64();
            }
            let t = Instant::now();
            position::extract_positions(&mut ad, rules);
            secs[6] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            event::extract_events(&mut ad, rules);
            secs[7] += t.elapsed().as_secs_f64();
            let t = Instant::now();
            std::hint::black_box(finish(ad));
            secs[8] += t.elapsed().as_secs_f64();
        }
        let names = [
            "org", "location", "role", "person", "money", "date", "position", "event", "finish",
        ];
        for (name, s) in names.iter().zip(secs) {
            fam_secs.push((name, s));
        }
    }
    drop(norms);
    drop(sents);
    let t = Clock::start();
    let kg = KnowledgeGraph::build(extractions);
    let t_graph = t.secs();
    let t = Clock::start();
    let tmp = std::env::temp_dir().join(format!("kgextract-bench-{}", std::process::id()));
    let out = OutDir::create(&tmp, true).expect("temp output folder");
    // Without Graphviz: `dot` on a graph this size takes many minutes and measures Graphviz,
    // not kgextract (the CLI equivalent is `--no-render`).
    let no_render = ExportOptions {
        no_render: true,
        ..ExportOptions::default()
    };
    let view = kgextract::export::View::new(&kg);
    for ex in select(&[], &no_render).expect("all formats") {
        ex.write(&view, &out).expect("export");
    }
    drop(out);
    let t_export = t.secs();
    let stages = [t_read, t_norm, t_seg, t_extract, t_graph, t_export];
    let total = (
        stages.iter().map(|s| s.0).sum::<f64>(),
        stages.iter().map(|s| s.1).sum::<f64>(),
    );
    println!(
        "\nstage           wall s   MB/s wall    CPU s  MB/s per CPU-s (1 thread, MB of input text)"
    );
    for (name, s) in [
        ("read", t_read),
        ("normalize", t_norm),
        ("segment", t_seg),
        ("extract", t_extract),
        ("link+graph", t_graph),
        ("export", t_export),
        ("end-to-end", total),
    ] {
        println!(
            "{name:<14} {:>7.3} {:>11.1} {:>8.2} {:>15.1}",
            s.0,
            mbps(bytes, s.0),
            s.1,
            mbps(bytes, s.1)
        );
    }
    println!("\nextract by family (seconds, share of the family total)");
    let fam_total: f64 = fam_secs.iter().map(|(_, s)| s).sum();
    for (name, s) in &fam_secs {
        println!(
            "  {name:<10} {s:>8.3} {:>6.1}%",
            100.0 * s / fam_total.max(1e-9)
        );
    }
    println!(
        "graph: {} nodes, {} relationships",
        kg.node_count(),
        kg.edge_count()
    );
    drop(kg);
    drop(read_docs);

    // Scaling of stages 1-4 with worker threads.
    for jobs in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .expect("pool");
        let t = Instant::now();
        let n: usize = pool.install(|| {
            docs.par_iter()
                .enumerate()
                .map(|(i, b)| {
                    let d = read::from_bytes(&format!("d{i:08}"), "bench", b).expect("decodable");
                    kgextract::extract::process(&d, rules).mentions.len()
                })
                .sum()
        });
        println!(
            "read+extract with --jobs {jobs}: {:.1} MB/s ({n} mentions)",
            mbps(bytes, t.elapsed().as_secs_f64())
        );
    }

    // Yardstick: jieba-rs part-of-speech tagging on the same text, one thread.
    let jieba = jieba_rs::Jieba::new();
    let texts: Vec<String> = docs
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let t = Clock::start();
    let mut tags = 0usize;
    for s in &texts {
        tags += jieba.tag(s, true).len();
    }
    let t_jieba = t.secs();
    println!(
        "\njieba-rs tag (1 thread): {:.1} MB/s wall, {:.1} MB/s per CPU-s ({tags} tokens); kgextract end-to-end / jieba-rs = {:.2}x wall, {:.2}x CPU",
        mbps(bytes, t_jieba.0),
        mbps(bytes, t_jieba.1),
        t_jieba.0 / total.0,
        t_jieba.1 / total.1.max(1e-9)
    );
}
