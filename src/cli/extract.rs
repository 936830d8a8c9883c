//! `kgextract extract`: read → normalize → segment → extract → link → graph → export.
//!
//! Input handling lives here: files, folders, `-` for stdin, JSONL (`--jsonl`, or any `.jsonl`
//! file named directly). Policy, in the order a user meets it:
//! 1. the output folder is checked first (a foreign folder is refused before any work);
//! 2. a named input that does not exist is an error (exit 1) — a typo should not produce an
//!    empty graph;
//! 3. a bad document (binary, unreadable, empty, too large, bad JSONL line, a panic while
//!    extracting) is a warning on stderr and in `warnings.jsonl`; the batch goes on, and
//!    `--strict` turns any warning into exit code 3;
//! 4. if no document at all could be read, that is an error (exit 1) and the previous export
//!    stays as it was;
//! 5. Ctrl-C / SIGTERM remove the temporary folder and exit 130; the previous export stays.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::export::{ExportOptions, OutDir, out_dir, select};
use crate::graph::KnowledgeGraph;
use crate::link::facts::{Corpus, DocFacts, LocalFacts};
use crate::read::{self, Document, Limits, ReadError, ReadWarning};
use crate::rules::{LexiconSet, Rules};

#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kgextract extract                        run on the bundled samples/ into output/
  kgextract extract news/ -o graph/        every .txt/.md under news/ into graph/
  kgextract extract article.txt --published 2024-07-21
  cat article.txt | kgextract extract - -o out/
  kgextract extract --jsonl < docs.jsonl   JSONL records {\"id\",\"title\",\"published\",\"text\"}
  kgextract extract docs.jsonl more/ -o out/
  kgextract extract --force -o existing_folder/ news/

Exit codes: 0 ok, 1 error (nothing written), 2 usage, 3 --strict and some documents failed,
130 interrupted.")]
pub struct Args {
    /// Files or folders (walked recursively for .txt/.md) to read, or `-` for stdin.
    /// Default: the bundled samples/ (or stdin with --jsonl).
    pub inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short = 'o', long = "output", default_value = "output")]
    pub output: PathBuf,
    /// Replace an existing output folder that kgextract did not write.
    #[arg(long)]
    pub force: bool,
    /// Publication date (YYYY-MM-DD) for every document; overrides headers.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<chrono::NaiveDate>,
    /// Read JSONL records ({"id","title","published","text"} per line) from the inputs, or
    /// from stdin when no input is given. Folders are walked for .jsonl files.
    #[arg(long)]
    pub jsonl: bool,
    /// Extra lexicon file(s): lines of `term<TAB>lexicon[<TAB>key=value …]`.
    #[arg(long = "lexicon")]
    pub lexicons: Vec<PathBuf>,
    /// Worker threads (default: all cores). Output does not depend on it.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Exit with code 3 when any document could not be processed.
    #[arg(long)]
    pub strict: bool,
    /// Largest input file, in bytes.
    #[arg(long, default_value_t = Limits::default().max_bytes)]
    pub max_bytes: u64,
    /// Export formats, comma-separated: neo4j, dot, graphml, json (default: all).
    #[arg(long = "format", value_delimiter = ',')]
    pub formats: Vec<String>,
    /// Do not run Graphviz `dot` to render graph.svg.
    #[arg(long)]
    pub no_render: bool,
    /// Draw only the neighbourhood of this entity (name, alias or id) in graph.dot/svg.
    #[arg(long)]
    pub focus: Option<String>,
    /// With --focus: how many relationships away from it to draw.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not YYYY-MM-DD: {e}"))
}

/// A problem with one document; the rest of the batch goes on.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Warning {
    pub source: String,
    pub message: String,
}

impl From<ReadWarning> for Warning {
    fn from(w: ReadWarning) -> Self {
        Warning {
            source: w.source,
            message: w.message,
        }
    }
}

fn read_warning(e: ReadError, source: &str) -> Warning {
    // ReadError messages start with the path already; keep `source` for the record.
    let msg = e.to_string();
    let message = msg
        .strip_prefix(&format!("{source}: "))
        .map(str::to_string)
        .unwrap_or(msg);
    Warning {
        source: source.to_string(),
        message,
    }
}

fn default_samples() -> PathBuf {
    let local = PathBuf::from("samples");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
    }
}

/// One unit of reading work, in input order.
enum Job {
    /// A text file to read (in parallel).
    File(PathBuf, String),
    /// A document already in memory (stdin, JSONL).
    Doc(Document),
}

/// Install the Ctrl-C / SIGTERM handler once per process.
fn install_signal_handler() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            out_dir::abort_all();
            eprintln!(
                "kgextract: interrupted; nothing was written, the previous export is unchanged"
            );
            std::process::exit(130);
        });
    });
}

fn read_stdin(limits: &Limits) -> Result<Vec<u8>, ReadError> {
    let stdin = std::io::stdin();
    read::read_limited(stdin.lock(), "stdin", limits.max_bytes)
}

/// Where documents come from, one input after the other. Inputs are checked and folders
/// walked before any work ([`plan`]); the documents themselves are read as they are needed
/// ([`Jobs`]), so a JSONL input is never held whole (issue 8).
enum Source {
    /// Text files (of one input), with the warnings of its walk.
    Files(Vec<Warning>, Vec<(PathBuf, String)>),
    /// Stdin as one text document.
    StdinText,
    /// A JSONL file, or stdin (`-`).
    Jsonl(PathBuf),
}

/// Check the inputs and list what to read, in input order (walk warnings stay with their
/// input, so they are reported where reading them used to report them).
fn plan(args: &Args) -> Result<Vec<Source>> {
    let mut inputs = args.inputs.clone();
    if inputs.is_empty() {
        inputs.push(if args.jsonl {
            PathBuf::from("-")
        } else {
            default_samples()
        });
    }
    if inputs.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("`-` (stdin) can be given only once");
    }
    let mut sources = Vec::new();
    for input in &inputs {
        if input.as_os_str() == "-" {
            sources.push(if args.jsonl {
                Source::Jsonl(input.clone())
            } else {
                Source::StdinText
            });
            continue;
        }
        let is_jsonl_file = input
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        if args.jsonl || is_jsonl_file {
            if input.is_dir() {
                let mut warnings = Vec::new();
                let files = jsonl_files(input, &mut warnings)?;
                sources.push(Source::Files(warnings, Vec::new()));
                sources.extend(files.into_iter().map(Source::Jsonl));
            } else {
                if !input.exists() {
                    bail!(ReadError::Io {
                        path: input.display().to_string(),
                        err: std::io::Error::from(std::io::ErrorKind::NotFound),
                    });
                }
                sources.push(Source::Jsonl(input.clone()));
            }
            continue;
        }
        let walk = read::walk(std::slice::from_ref(input))?;
        let mut warnings: Vec<Warning> = walk.warnings.into_iter().map(Warning::from).collect();
        if walk.files.is_empty() && input.is_dir() {
            warnings.push(Warning {
                source: input.display().to_string(),
                message: "no .txt or .md files in this folder".into(),
            });
        }
        sources.push(Source::Files(warnings, walk.files));
    }
    Ok(sources)
}

/// The jobs of the inputs, in input order, made as they are asked for. Problems of reading
/// an input (walks, JSONL lines, stdin) go to the input warnings handed to [`Jobs::next`] —
/// reported before the warnings of the documents themselves, as when every input was read
/// first.
struct Jobs {
    sources: std::vec::IntoIter<Source>,
    files: std::vec::IntoIter<(PathBuf, String)>,
    jsonl: Option<JsonlStream>,
    limits: Limits,
}

impl Jobs {
    fn new(sources: Vec<Source>, limits: Limits) -> Jobs {
        Jobs {
            sources: sources.into_iter(),
            files: Vec::new().into_iter(),
            jsonl: None,
            limits,
        }
    }

    /// The files to read, known before any work (JSONL records are not counted).
    fn known(sources: &[Source]) -> usize {
        sources
            .iter()
            .map(|s| match s {
                Source::Files(_, f) => f.len(),
                Source::StdinText => 1,
                Source::Jsonl(_) => 0,
            })
            .sum()
    }

    fn next(&mut self, warnings: &mut Vec<Warning>) -> Option<Job> {
        loop {
            if let Some((p, id)) = self.files.next() {
                return Some(Job::File(p, id));
            }
            if let Some(s) = &mut self.jsonl {
                if let Some(d) = s.next_doc(warnings) {
                    return Some(Job::Doc(d));
                }
                warnings.append(&mut s.empty);
                self.jsonl = None;
            }
            match self.sources.next()? {
                Source::Files(ws, files) => {
                    warnings.extend(ws);
                    self.files = files.into_iter();
                }
                Source::StdinText => {
                    if std::io::stdin().is_terminal() {
                        eprintln!("kgextract: reading from stdin (end with Ctrl-D)…");
                    }
                    let bytes = match read_stdin(&self.limits) {
                        Ok(b) => b,
                        Err(e) => {
                            warnings.push(read_warning(e, "stdin"));
                            continue;
                        }
                    };
                    match read::from_bytes("stdin", "stdin", &bytes).and_then(read::non_empty) {
                        Ok(d) => return Some(Job::Doc(d)),
                        Err(e) => warnings.push(read_warning(e, "stdin")),
                    }
                }
                Source::Jsonl(path) => {
                    self.jsonl = JsonlStream::open(&path, &self.limits, warnings)
                }
            }
        }
    }
}

/// The lines of a JSONL input: a text in memory, or a file read line by line.
enum Lines {
    Text { text: String, pos: usize },
    File(std::io::BufReader<std::fs::File>, Vec<u8>),
}

/// A JSONL input read record by record.
struct JsonlStream {
    /// The name in messages (`stdin` or the path).
    name: String,
    parser: read::jsonl::Parser,
    lines: Lines,
    line_no: usize,
    /// Records with an empty `text`, reported after the input's other warnings (as when the
    /// whole input was parsed first).
    empty: Vec<Warning>,
}

impl JsonlStream {
    /// Open `path` (`-`: stdin); its problems go to `warnings`. A file that is valid UTF-8
    /// (nearly every JSONL file) is read line by line, never whole; anything else — stdin,
    /// another encoding, a file over the size limit — is read and decoded whole as before.
    fn open(path: &Path, limits: &Limits, warnings: &mut Vec<Warning>) -> Option<JsonlStream> {
        let src = path.display().to_string();
        let bytes = if src == "-" {
            if std::io::stdin().is_terminal() {
                eprintln!("kgextract: reading from stdin (end with Ctrl-D)…");
            }
            read_stdin(limits)
        } else {
            if let Some(s) = JsonlStream::stream_file(path, &src, limits) {
                return Some(s);
            }
            read::read_bytes(path, limits)
        };
        let name = if src == "-" { "stdin" } else { src.as_str() };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                warnings.push(read_warning(e, name));
                return None;
            }
        };
        let decoded = match read::encoding::decode_vec(name, bytes) {
            Ok(d) => d,
            Err(e) => {
                warnings.push(read_warning(e, name));
                return None;
            }
        };
        if let Some(w) = decoded.warning {
            warnings.push(Warning {
                source: name.to_string(),
                message: w,
            });
        }
        if decoded.text.trim().is_empty() {
            warnings.push(Warning {
                source: name.to_string(),
                message: "is empty (no JSONL records)".into(),
            });
            return None;
        }
        Some(JsonlStream {
            name: name.to_string(),
            parser: read::jsonl::Parser::new(&src, decoded.encoding),
            lines: Lines::Text {
                text: decoded.text,
                pos: 0,
            },
            line_no: 0,
            empty: Vec::new(),
        })
    }

    /// A file read line by line, when reading it whole would give the same text: within the
    /// size limit, UTF-8 (with or without a BOM) throughout, text by the binary sniffing, not
    /// blank. A first pass checks that (it holds one line at a time); `None` otherwise.
    fn stream_file(path: &Path, src: &str, limits: &Limits) -> Option<JsonlStream> {
        use std::io::{BufRead, Seek};
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > limits.max_bytes {
            return None;
        }
        let mut r = std::io::BufReader::with_capacity(1 << 16, std::fs::File::open(path).ok()?);
        let want = read::encoding::SNIFF_BYTES + 3;
        let (mut head, mut line) = (Vec::new(), Vec::new());
        let (mut total, mut blank) = (0u64, true);
        loop {
            line.clear();
            let n = r.read_until(b'\n', &mut line).ok()?;
            if n == 0 {
                break;
            }
            // The BOM is not part of the text (and U+FEFF is no whitespace).
            let text = match line.strip_prefix(b"\xEF\xBB\xBF") {
                Some(rest) if total == 0 => rest,
                _ => &line[..],
            };
            let text = std::str::from_utf8(text).ok()?;
            blank = blank && text.trim().is_empty();
            total += n as u64;
            if head.len() < want {
                head.extend_from_slice(&line[..line.len().min(want - head.len())]);
            }
        }
        if blank || total > limits.max_bytes {
            return None;
        }
        let bom = read::encoding::utf8_start(&head)?;
        r.seek(std::io::SeekFrom::Start(bom as u64)).ok()?;
        Some(JsonlStream {
            name: src.to_string(),
            parser: read::jsonl::Parser::new(src, "UTF-8"),
            lines: Lines::File(r, Vec::new()),
            line_no: 0,
            empty: Vec::new(),
        })
    }

    /// The next record with text; bad lines become warnings.
    fn next_doc(&mut self, warnings: &mut Vec<Warning>) -> Option<Document> {
        let mut ws = Vec::new();
        loop {
            self.line_no += 1;
            let line: &str = match &mut self.lines {
                Lines::Text { text, pos } => {
                    if *pos >= text.len() {
                        return None;
                    }
                    let rest = &text[*pos..];
                    let (line, used) = match rest.find('\n') {
                        Some(i) => (&rest[..i], i + 1),
                        None => (rest, rest.len()),
                    };
                    *pos += used;
                    line.strip_suffix('\r').unwrap_or(line)
                }
                Lines::File(r, buf) => {
                    use std::io::BufRead;
                    buf.clear();
                    match r.read_until(b'\n', buf) {
                        Ok(0) => return None,
                        Ok(_) => {}
                        Err(err) => {
                            warnings.push(read_warning(
                                ReadError::Io {
                                    path: self.name.clone(),
                                    err,
                                },
                                &self.name,
                            ));
                            return None;
                        }
                    }
                    let b = buf.strip_suffix(b"\n").unwrap_or(buf);
                    let b = b.strip_suffix(b"\r").unwrap_or(b);
                    match std::str::from_utf8(b) {
                        Ok(s) => s,
                        Err(_) => {
                            warnings.push(Warning {
                                source: self.name.clone(),
                                message: "changed while it was read (no longer UTF-8); the rest is skipped".into(),
                            });
                            return None;
                        }
                    }
                }
            };
            let doc = self.parser.line(self.line_no, line, &mut ws);
            warnings.extend(ws.drain(..).map(Warning::from));
            let Some(d) = doc else {
                continue;
            };
            match read::non_empty(d) {
                Ok(d) => return Some(d),
                Err(e) => self.empty.push(Warning {
                    source: match &e {
                        ReadError::Empty { path } => path.clone(),
                        _ => self.name.clone(),
                    },
                    message: "\"text\" is empty".into(),
                }),
            }
        }
    }
}

/// The `.jsonl` files under a folder, sorted.
fn jsonl_files(dir: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        match e {
            Ok(e)
                if e.file_type().is_file()
                    && e.path()
                        .extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("jsonl")) =>
            {
                out.push(e.into_path())
            }
            Ok(_) => {}
            Err(e) => warnings.push(Warning {
                source: e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| dir.display().to_string()),
                message: format!("{e}; skipped"),
            }),
        }
    }
    Ok(out)
}

pub fn run(args: Args) -> Result<u8> {
    let started = Instant::now();
    install_signal_handler();
    // The rules of this run, owned (not the process-wide `Rules::builtin()`, which is never
    // freed): once every document is extracted, all but the lexicons that resolution reads
    // are dropped — the compiled matchers and the caches the regexes and automata filled
    // during extraction, held to the end of the run before (issue 8). The lexicons are parsed
    // once either way (the built-in rules parse them when first used).
    let rules: Rules = {
        let mut lex = LexiconSet::builtin().context("built-in lexicons")?;
        for f in &args.lexicons {
            lex.add_user_file(f)?;
        }
        Rules::build(lex)
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    // Offsets are kept as u32 (see `normalize`), so no document may exceed 4 GiB.
    let limits = Limits {
        max_bytes: args.max_bytes.min(u64::from(u32::MAX)),
    };

    // Prepare the output folder first: a refusal should come before any work.
    let exporters = select(
        &args.formats,
        &ExportOptions {
            no_render: args.no_render,
            focus: args.focus.clone(),
            depth: args.depth,
        },
    )
    .map_err(|m| anyhow::anyhow!(m))?;
    let out = OutDir::create(&args.output, args.force)?;

    let sources = plan(&args)?;
    let streaming = sources.iter().any(|s| matches!(s, Source::Jsonl(_)));
    let bar = progress_bar(Jobs::known(&sources), streaming);
    let mut jobs = Jobs::new(sources, limits);
    // Problems reading the inputs, then problems of the documents themselves (the order in
    // which they were reported when every input was read before extraction).
    let mut input_warnings: Vec<Warning> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let published = args.published;
    // Documents are extracted in parallel, a batch at a time, and each is reduced to its
    // compact record on the worker thread (its `DocExtraction` is dropped there); the batch's
    // records are then added to the corpus in input order, so the corpus — and the output —
    // does not depend on the thread count or on scheduling. A batch is many documents per
    // thread, so the threads rarely wait at its end; 32 a thread (issue 8: with 256, the
    // batch's records waiting to be added were the peak of extraction, 2.6 MB of peak RSS
    // at 20 MB of input).
    let batch = 32 * pool.current_num_threads().max(1);
    // What resolution does not read of each document waits in a temporary file.
    let mut corpus = Corpus::on_disk().context(
        "cannot create a temporary file for the document records (is $TMPDIR writable?)",
    )?;
    let (mut n_docs, mut bytes, mut sentences, mut removed) = (0usize, 0usize, 0usize, 0usize);
    loop {
        let mut chunk: Vec<Job> = Vec::with_capacity(batch);
        while chunk.len() < batch {
            let Some(job) = jobs.next(&mut input_warnings) else {
                break;
            };
            if matches!(job, Job::Doc(_)) && streaming {
                bar.inc_length(1);
            }
            chunk.push(job);
        }
        if chunk.is_empty() {
            break;
        }
        type DocResult = (Result<LocalFacts, Warning>, Vec<Warning>);
        let results: Vec<DocResult> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|job| {
                    let doc = match job {
                        Job::Doc(d) => d,
                        Job::File(path, id) => match read::read_file(&path, &id, &limits) {
                            Ok(d) => d,
                            Err(e) => {
                                return (Err(read_warning(e, &path.display().to_string())), vec![]);
                            }
                        },
                    };
                    let mut doc = doc;
                    if published.is_some() {
                        doc.header.published = published;
                    }
                    // A title can carry the same PDF noise as the text.
                    doc.header.title = doc
                        .header
                        .title
                        .as_deref()
                        .and_then(crate::normalize::clean_line);
                    let notes = doc
                        .header
                        .warnings
                        .iter()
                        .map(|m| Warning {
                            source: doc.source.clone(),
                            message: m.clone(),
                        })
                        .collect();
                    (process_guarded(&doc, &rules), notes)
                })
                .inspect(|_| bar.inc(1))
                .collect()
        });
        for (r, notes) in results {
            warnings.extend(notes);
            match r {
                Ok(d) => {
                    n_docs += 1;
                    bytes += d.facts.stats.bytes;
                    sentences += d.facts.stats.sentences;
                    removed += d.facts.stats.removed_chars;
                    corpus
                        .add(d)
                        .context("cannot write the document records to a temporary file")?;
                }
                Err(w) => warnings.push(w),
            }
        }
    }
    bar.finish_and_clear();
    drop(jobs);
    // The worker threads are not needed again: their thread-local caches go with them.
    drop(pool);
    input_warnings.append(&mut warnings);
    let warnings = input_warnings;
    for w in &warnings {
        eprintln!("kgextract: warning: {}: {}", w.source, w.message);
    }
    if n_docs == 0 {
        if warnings.is_empty() {
            bail!(
                "no documents to read in the input (folders are searched for .txt and .md files)"
            );
        }
        bail!(
            "no document could be read ({} warning{} above); nothing was written",
            warnings.len(),
            if warnings.len() == 1 { "" } else { "s" }
        );
    }
    corpus.finish();
    crate::rss_mark("extraction done");
    // Resolution reads the lexicons only: the extraction rules are freed first.
    let mut rules = rules;
    let lexicons = std::mem::take(&mut rules.lexicons);
    drop(rules);
    crate::rss_mark("rules freed");
    let kg = KnowledgeGraph::build_corpus(corpus, &lexicons)
        .context("cannot read the document records back from their temporary file")?;
    if let Some(focus) = &args.focus {
        crate::export::dot::check_focus(&kg, focus).map_err(|m| anyhow::anyhow!(m))?;
    }
    let view = crate::export::View::new(&kg);
    for ex in &exporters {
        ex.write(&view, &out)
            .with_context(|| format!("writing the {} export", ex.name()))?;
        crate::rss_mark(ex.name());
    }
    // A cited sentence that could not be read back left an export incomplete: nothing is
    // committed.
    kg.mentions
        .check()
        .context("cannot read the cited sentences back from their temporary file")?;
    let mut wl = String::new();
    for w in &warnings {
        wl.push_str(&serde_json::to_string(w).unwrap_or_default());
        wl.push('\n');
    }
    out.write("warnings.jsonl", wl.as_bytes())?;
    let target = out.commit()?;
    crate::rss_mark("committed");
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    super::stdout::print(&format!(
        "kgextract: {n_docs} documents, {sentences} sentences, {:.2} MB, {removed} noise characters removed, {} nodes, {} relationships, {} warnings, {:.1} MB/s → {}",
        bytes as f64 / 1e6,
        kg.node_count(),
        kg.edge_count(),
        warnings.len(),
        bytes as f64 / 1e6 / secs,
        target.display()
    ))?;
    Ok(if args.strict && !warnings.is_empty() {
        super::exit::PARTIAL
    } else {
        super::exit::OK
    })
}

/// A document-count progress bar on stderr, drawn only when stderr is a terminal (pipes, CI
/// and redirected runs stay quiet) and only for batches worth watching.
fn progress_bar(len: usize, streaming: bool) -> indicatif::ProgressBar {
    if (len < 2 && !streaming) || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len as u64),
        indicatif::ProgressDrawTarget::stderr_with_hz(4),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} documents ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Process one document and keep its compact record; a panic becomes a warning naming the
/// document.
fn process_guarded(doc: &Document, rules: &Rules) -> Result<LocalFacts, Warning> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        DocFacts::of(crate::extract::process(doc, rules))
    }))
    .map_err(|_| Warning {
        source: doc.source.clone(),
        message: "internal error while extracting (please report this document)".into(),
    })
}
