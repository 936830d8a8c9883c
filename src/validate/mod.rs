//! `kgextract validate DIR`: check a folder of `neo4j-admin database import` CSV files before
//! an import fails on them — ours or anyone's.
//!
//! Checks, each reported as `file:line: error: message` ([`Diagnostic`]):
//! - encoding: UTF-8 without BOM, no NUL;
//! - quoting: RFC 4180 (`csv_reader.rs`), no line breaks inside fields (neo4j-admin's default);
//! - header grammar: `name`, `name:type`, `name:type[]`, `:ID`/`name:ID(space)`,
//!   `:START_ID`/`:END_ID` (with optional ID space), `:TYPE`, `:LABEL`, `:IGNORE`; known types
//!   only; no duplicate property names; a node file has one `:ID` and a `:LABEL`, a
//!   relationship file exactly one `:START_ID`, `:END_ID` and `:TYPE`;
//! - records: as many fields as the header; values parse as their type (int ranges, double,
//!   boolean, ISO dates …, per array element); labels and types non-empty, no whitespace;
//! - ids: non-empty, unique per ID space across all node files; every `:START_ID`/`:END_ID`
//!   names an existing node;
//! - the kgextract schema's endpoint rule for `MANAGES` (fund manager → fund): both ends are
//!   `Organization` nodes, else a warning; for `ADVISED` (adviser → deal): the start is an
//!   `Organization` node, else a warning; for `SOLD` (seller → deal) an `Organization` or
//!   `Person` node, for `ESTABLISHED` (founder → event) an `Organization` or `Location` node.
//!
//! Files are told apart by header (as the importer does), not by name. An empty field is an
//! absent property, as for neo4j-admin.

pub mod csv_reader;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding, with its place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {sev}: {}", self.file, self.line, self.message)
    }
}

/// The result of validating a folder.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub node_files: usize,
    pub rel_files: usize,
    /// Data rows of node files (= nodes an import creates).
    pub nodes: usize,
    /// Data rows of relationship files.
    pub relationships: usize,
    /// Rows per file name.
    pub rows: BTreeMap<String, usize>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Prop,
    Id,
    StartId,
    EndId,
    Type,
    Label,
    Ignore,
}

#[derive(Clone, Debug)]
struct Column {
    name: String,
    kind: Kind,
    ty: String,
    array: bool,
    space: Option<String>,
}

const TYPES: &[&str] = &[
    "int",
    "long",
    "short",
    "byte",
    "float",
    "double",
    "boolean",
    "char",
    "string",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
    "point",
];

struct Ctx {
    diags: Vec<Diagnostic>,
}

impl Ctx {
    fn err(&mut self, file: &str, line: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            file: file.to_string(),
            line,
            severity: Severity::Error,
            message: msg.into(),
        });
    }
    fn warn(&mut self, file: &str, line: usize, msg: impl Into<String>) {
        self.diags.push(Diagnostic {
            file: file.to_string(),
            line,
            severity: Severity::Warning,
            message: msg.into(),
        });
    }
}

fn is_ident(s: &str) -> bool {
    let mut cs = s.chars();
    matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
        && cs.all(|c| c == '_' || c.is_alphanumeric())
}

fn parse_header(ctx: &mut Ctx, file: &str, line: usize, fields: &[String]) -> Vec<Column> {
    let mut cols = Vec::new();
    for (i, raw) in fields.iter().enumerate() {
        let n = i + 1;
        if raw.trim() != raw {
            ctx.err(
                file,
                line,
                format!("header column {n} {raw:?} has leading/trailing whitespace"),
            );
        }
        let (name, spec) = match raw.find(':') {
            Some(p) => (&raw[..p], Some(&raw[p + 1..])),
            None => (raw.as_str(), None),
        };
        let Some(spec) = spec else {
            if name.is_empty() {
                ctx.err(
                    file,
                    line,
                    format!("header column {n} is empty (a trailing comma?)"),
                );
            }
            cols.push(Column {
                name: name.into(),
                kind: Kind::Prop,
                ty: "string".into(),
                array: false,
                space: None,
            });
            continue;
        };
        // TYPE[](space) — split off an ID space.
        let (ty_part, space) = match (spec.find('('), spec.ends_with(')')) {
            (Some(p), true) => (&spec[..p], Some(spec[p + 1..spec.len() - 1].to_string())),
            (Some(_), false) => {
                ctx.err(
                    file,
                    line,
                    format!("header column {n} {raw:?}: unclosed '(' of an ID space"),
                );
                (spec, None)
            }
            _ => (spec, None),
        };
        let (ty, array) = match ty_part.strip_suffix("[]") {
            Some(t) => (t, true),
            None => (ty_part, false),
        };
        let kind = match ty {
            "ID" => Kind::Id,
            "START_ID" => Kind::StartId,
            "END_ID" => Kind::EndId,
            "TYPE" => Kind::Type,
            "LABEL" => Kind::Label,
            "IGNORE" => Kind::Ignore,
            _ => Kind::Prop,
        };
        if kind == Kind::Prop {
            let lt = ty.to_lowercase();
            if ty.contains(':') || !TYPES.contains(&lt.as_str()) {
                let upper = ty.to_uppercase();
                let hint = if ["ID", "START_ID", "END_ID", "TYPE", "LABEL", "IGNORE"]
                    .contains(&upper.as_str())
                {
                    format!(" (write the keyword in capitals: :{upper})")
                } else {
                    format!(" (known: {}, each optionally with [])", TYPES.join(", "))
                };
                ctx.err(
                    file,
                    line,
                    format!("header column {n} {raw:?}: unknown type {ty:?}{hint}"),
                );
            }
            if name.is_empty() {
                ctx.err(
                    file,
                    line,
                    format!("header column {n} {raw:?}: property column without a name"),
                );
            }
            if space.is_some() {
                ctx.err(
                    file,
                    line,
                    format!(
                        "header column {n} {raw:?}: an (ID space) only goes on :ID, :START_ID, :END_ID"
                    ),
                );
            }
            cols.push(Column {
                name: name.into(),
                kind,
                ty: lt,
                array,
                space: None,
            });
            continue;
        }
        if array {
            ctx.err(
                file,
                line,
                format!("header column {n} {raw:?}: :{ty} cannot be an array"),
            );
        }
        if space.is_some() && !matches!(kind, Kind::Id | Kind::StartId | Kind::EndId) {
            ctx.err(
                file,
                line,
                format!(
                    "header column {n} {raw:?}: only :ID, :START_ID, :END_ID take an (ID space)"
                ),
            );
        }
        if space.as_deref() == Some("") {
            ctx.err(
                file,
                line,
                format!("header column {n} {raw:?}: empty ID space '()'"),
            );
        }
        cols.push(Column {
            name: name.into(),
            kind,
            ty: "string".into(),
            array: false,
            space,
        });
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for c in &cols {
        if !c.name.is_empty() && matches!(c.kind, Kind::Prop | Kind::Id) {
            *seen.entry(c.name.as_str()).or_default() += 1;
        }
    }
    let mut dups: Vec<_> = seen.into_iter().filter(|(_, k)| *k > 1).collect();
    dups.sort();
    for (name, k) in dups {
        ctx.err(
            file,
            line,
            format!("property {name:?} appears {k} times in the header"),
        );
    }
    cols
}

/// Why `v` is not a valid `ty`, or None.
pub fn check_value(ty: &str, v: &str) -> Option<String> {
    if ty == "string" {
        return None;
    }
    if v.trim() != v {
        return Some("leading/trailing whitespace (not trimmed for typed values)".into());
    }
    let int_bits = match ty {
        "byte" => Some(8),
        "short" => Some(16),
        "int" => Some(32),
        "long" => Some(64),
        _ => None,
    };
    if let Some(bits) = int_bits {
        return match v.parse::<i128>() {
            Ok(x) if x >= -(1i128 << (bits - 1)) && x < (1i128 << (bits - 1)) => None,
            Ok(_) => Some(format!("out of range for {ty} ({bits}-bit)")),
            Err(_) => Some(format!("not an integer ({ty})")),
        };
    }
    match ty {
        "float" | "double" => {
            if matches!(v, "NaN" | "Infinity" | "-Infinity") {
                return None;
            }
            let ok = !v.is_empty()
                && v.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
                && v.parse::<f64>().is_ok();
            (!ok).then(|| format!("not a number ({ty}); use '.' as decimal point, e.g. 3.0e10"))
        }
        "boolean" => (!v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false"))
            .then(|| "not true/false (neo4j-admin reads anything else as false)".into()),
        "char" => (v.encode_utf16().count() != 1)
            .then(|| "a char must be exactly one UTF-16 code unit".into()),
        "date" => {
            let ok = NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok()
                || (v.len() == 8
                    && v.chars().all(|c| c.is_ascii_digit())
                    && NaiveDate::parse_from_str(v, "%Y%m%d").is_ok())
                || (v.len() == 7
                    && NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").is_ok())
                || (v.len() == 4 && v.chars().all(|c| c.is_ascii_digit()));
            (!ok).then(|| "not an ISO-8601 date (e.g. 2024-07-20)".into())
        }
        "localdatetime" | "datetime" => {
            let date = v.get(..10).unwrap_or("");
            (NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err())
                .then(|| format!("not an ISO-8601 {ty} (e.g. 2024-07-20T09:30:00)"))
        }
        "localtime" | "time" => {
            let ok = v.len() >= 2 && v[..2].chars().all(|c| c.is_ascii_digit());
            (!ok).then(|| format!("not an ISO-8601 {ty} (e.g. 09:30:00)"))
        }
        "duration" => (!v.trim_start_matches('-').starts_with('P') || v.len() < 3)
            .then(|| "not an ISO-8601 duration (e.g. P1Y2M3DT4H)".into()),
        "point" => (!(v.starts_with('{') && v.ends_with('}')))
            .then(|| "not a point map (e.g. {latitude:39.9, longitude:116.4})".into()),
        _ => None,
    }
}

struct Parsed {
    file: String,
    is_node: bool,
    cols: Vec<Column>,
    records: Vec<csv_reader::Record>,
}

/// Validate every `*.csv` in `dir`.
pub fn validate_dir(dir: &Path) -> std::io::Result<Report> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|x| x.to_string_lossy().eq_ignore_ascii_case("csv"))
        })
        .collect();
    paths.sort();
    let mut files = Vec::new();
    for p in &paths {
        let name = p.display().to_string();
        files.push((name, std::fs::read(p)?));
    }
    let mut report = validate_files(&files);
    if paths.is_empty() {
        report.diagnostics.push(Diagnostic {
            file: dir.display().to_string(),
            line: 0,
            severity: Severity::Error,
            message: "no *.csv files in this folder".into(),
        });
    }
    Ok(report)
}

/// Validate files given as (name, bytes).
pub fn validate_files(files: &[(String, Vec<u8>)]) -> Report {
    let mut ctx = Ctx { diags: Vec::new() };
    let mut report = Report::default();
    let mut parsed: Vec<Parsed> = Vec::new();
    for (file, raw) in files {
        let mut bytes: &[u8] = raw;
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()) {
            ctx.err(
                file,
                1,
                "file starts with a UTF-8 byte order mark (EF BB BF); write UTF-8 without BOM",
            );
            bytes = rest;
        }
        if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            ctx.err(
                file,
                1,
                "file starts with a UTF-16 byte order mark; neo4j-admin expects UTF-8",
            );
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let at = e.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                ctx.err(
                    file,
                    line,
                    format!(
                        "invalid UTF-8 at byte {at} ({:02X?}); convert the file to UTF-8",
                        &bytes[at..(at + 4).min(bytes.len())]
                    ),
                );
                String::from_utf8_lossy(bytes).into_owned()
            }
        };
        if let Some(p) = text.find('\0') {
            ctx.err(
                file,
                text[..p].matches('\n').count() + 1,
                "NUL character in file",
            );
        }
        let mut problems = Vec::new();
        let mut records = csv_reader::parse(&text, &mut problems);
        for (line, msg) in problems {
            match msg.strip_prefix("warning: ") {
                Some(w) => ctx.warn(file, line, w),
                None => ctx.err(file, line, msg),
            }
        }
        if records.is_empty() {
            ctx.err(file, 1, "empty file (no header)");
            continue;
        }
        let header = records.remove(0);
        let cols = parse_header(&mut ctx, file, header.line, &header.fields);
        let count = |k: Kind| cols.iter().filter(|c| c.kind == k).count();
        let is_rel = count(Kind::StartId) + count(Kind::EndId) + count(Kind::Type) > 0;
        let is_node = !is_rel && count(Kind::Id) + count(Kind::Label) > 0;
        if is_node {
            report.node_files += 1;
            if count(Kind::Id) != 1 {
                ctx.err(
                    file,
                    header.line,
                    format!(
                        "a node file needs exactly one :ID column, has {}",
                        count(Kind::Id)
                    ),
                );
            }
            if count(Kind::Label) == 0 {
                ctx.err(
                    file,
                    header.line,
                    "node file has no :LABEL column (every node needs a label)",
                );
            }
        } else if is_rel {
            report.rel_files += 1;
            for (k, n) in [
                (Kind::StartId, ":START_ID"),
                (Kind::EndId, ":END_ID"),
                (Kind::Type, ":TYPE"),
            ] {
                if count(k) != 1 {
                    ctx.err(
                        file,
                        header.line,
                        format!(
                            "a relationship file needs exactly one {n} column, has {}",
                            count(k)
                        ),
                    );
                }
            }
            if count(Kind::Id) + count(Kind::Label) > 0 {
                ctx.err(
                    file,
                    header.line,
                    "a relationship file must not have :ID or :LABEL columns",
                );
            }
        } else {
            ctx.err(
                file,
                header.line,
                "cannot tell node from relationship file: the header has none of :ID, :LABEL, :START_ID, :END_ID, :TYPE",
            );
            continue;
        }
        // A lone empty trailing record is an empty last line.
        records.retain(|r| !(r.fields.len() == 1 && r.fields[0].is_empty() && !r.quoted[0]));
        report.rows.insert(file.clone(), records.len());
        if is_node {
            report.nodes += records.len();
        } else {
            report.relationships += records.len();
        }
        parsed.push(Parsed {
            file: file.clone(),
            is_node,
            cols,
            records,
        });
    }
    // Nodes first, so that relationships can be resolved.
    parsed.sort_by_key(|p| !p.is_node);
    let mut ids: HashMap<(Option<String>, String), (String, usize)> = HashMap::new();
    for p in &parsed {
        let ncol = p.cols.len();
        for r in &p.records {
            if r.fields.len() != ncol {
                let hint = if r.fields.len() > ncol {
                    " — an unquoted ',' inside a value? (values with ',', '\"' or a line break must be quoted)"
                } else {
                    ""
                };
                ctx.err(
                    &p.file,
                    r.line,
                    format!("{} fields but the header has {ncol}{hint}", r.fields.len()),
                );
            }
            for (c, v) in p.cols.iter().zip(&r.fields) {
                check_field(&mut ctx, &mut ids, p, r.line, c, v);
            }
        }
    }
    // The kgextract schema's one type between two labels it names: MANAGES (fund manager →
    // fund) joins two organizations. Only the ids of Organization nodes are kept for it.
    let mut orgs: HashSet<(Option<String>, String)> = HashSet::new();
    // (SOLD starts at an organization or a natural person, ESTABLISHED at an organization or
    // a place: the ids of Person and Location nodes, session 26)
    let mut persons: HashSet<(Option<String>, String)> = HashSet::new();
    let mut places: HashSet<(Option<String>, String)> = HashSet::new();
    for p in parsed.iter().filter(|p| p.is_node) {
        let id = p.cols.iter().position(|c| c.kind == Kind::Id);
        let label = p.cols.iter().position(|c| c.kind == Kind::Label);
        let (Some(id), Some(label)) = (id, label) else {
            continue;
        };
        for r in &p.records {
            if let (Some(i), Some(l)) = (r.fields.get(id), r.fields.get(label)) {
                let key = (p.cols[id].space.clone(), i.clone());
                if l.split(';').any(|l| l == "Organization") {
                    orgs.insert(key);
                } else if l.split(';').any(|l| l == "Person") {
                    persons.insert(key);
                } else if l.split(';').any(|l| l == "Location") {
                    places.insert(key);
                }
            }
        }
    }
    for p in parsed.iter().filter(|p| !p.is_node) {
        let ty = p.cols.iter().position(|c| c.kind == Kind::Type);
        for r in &p.records {
            if let Some(t) = ty.and_then(|t| r.fields.get(t))
                && t == "MANAGES"
            {
                let not_org = p.cols.iter().zip(&r.fields).any(|(c, v)| {
                    matches!(c.kind, Kind::StartId | Kind::EndId)
                        && !orgs.contains(&(c.space.clone(), v.clone()))
                });
                if not_org {
                    ctx.warn(
                        &p.file,
                        r.line,
                        "MANAGES does not join two Organization nodes (the kgextract schema: fund manager → fund)",
                    );
                }
            }
            // ADVISED (session 25): an adviser is an organization.
            if let Some(t) = ty.and_then(|t| r.fields.get(t))
                && t == "ADVISED"
            {
                let not_org = p.cols.iter().zip(&r.fields).any(|(c, v)| {
                    c.kind == Kind::StartId && !orgs.contains(&(c.space.clone(), v.clone()))
                });
                if not_org {
                    ctx.warn(
                        &p.file,
                        r.line,
                        "ADVISED does not start at an Organization node (the kgextract schema: adviser → deal)",
                    );
                }
            }
            // SOLD (session 26): a seller is an organization or a natural person
            // (`受让自然人甲持有的X公司30%股权`); ESTABLISHED: a founder is an organization or a
            // place (`苏州将设立X基金`, no government of it named).
            if let Some(t) = ty.and_then(|t| r.fields.get(t))
                && (t == "SOLD" || t == "ESTABLISHED")
            {
                let others = if t == "SOLD" { &persons } else { &places };
                let bad_start = p.cols.iter().zip(&r.fields).any(|(c, v)| {
                    let key = (c.space.clone(), v.clone());
                    c.kind == Kind::StartId && !orgs.contains(&key) && !others.contains(&key)
                });
                if bad_start {
                    let msg = if t == "SOLD" {
                        "SOLD does not start at an Organization or Person node (the kgextract schema: seller → deal)"
                    } else {
                        "ESTABLISHED does not start at an Organization or Location node (the kgextract schema: founder → event or organization)"
                    };
                    ctx.warn(&p.file, r.line, msg);
                }
            }
            for (c, v) in p.cols.iter().zip(&r.fields) {
                if matches!(c.kind, Kind::StartId | Kind::EndId)
                    && !v.is_empty()
                    && !ids.contains_key(&(c.space.clone(), v.clone()))
                {
                    let which = if c.kind == Kind::StartId {
                        ":START_ID"
                    } else {
                        ":END_ID"
                    };
                    let space = match &c.space {
                        Some(s) => format!("ID space {s:?}"),
                        None => "the global ID space".into(),
                    };
                    ctx.err(
                        &p.file,
                        r.line,
                        format!("{which} {v:?} does not match any node :ID in {space}"),
                    );
                }
            }
        }
    }
    ctx.diags.sort();
    ctx.diags.dedup();
    report.diagnostics = ctx.diags;
    report
}

fn check_field(
    ctx: &mut Ctx,
    ids: &mut HashMap<(Option<String>, String), (String, usize)>,
    p: &Parsed,
    line: usize,
    c: &Column,
    v: &str,
) {
    let file = p.file.as_str();
    match c.kind {
        Kind::Ignore => {}
        Kind::Id => {
            if v.is_empty() {
                ctx.err(file, line, "empty :ID");
                return;
            }
            let k = (c.space.clone(), v.to_string());
            if let Some((f0, l0)) = ids.get(&k) {
                let msg = format!("duplicate :ID {v:?} (also defined at {f0}:{l0})");
                ctx.err(file, line, msg);
            } else {
                ids.insert(k, (file.to_string(), line));
            }
        }
        Kind::StartId | Kind::EndId => {
            if v.is_empty() {
                ctx.err(file, line, "empty :START_ID/:END_ID");
            }
        }
        Kind::Label => {
            if v.is_empty() && p.is_node {
                ctx.err(file, line, "node without a label (empty :LABEL)");
            }
            for l in v.split(';').filter(|_| !v.is_empty()) {
                if l.is_empty() {
                    ctx.err(file, line, format!("empty label in {v:?} (stray ';')"));
                } else if l.trim() != l {
                    ctx.err(
                        file,
                        line,
                        format!("label {l:?} has leading/trailing whitespace"),
                    );
                } else if !is_ident(l) {
                    ctx.warn(
                        file,
                        line,
                        format!(
                            "label {l:?} is not a plain identifier; Cypher must quote it as `{l}`"
                        ),
                    );
                }
            }
        }
        Kind::Type => {
            if v.is_empty() {
                ctx.err(file, line, "empty :TYPE");
            } else if v.trim() != v {
                ctx.err(
                    file,
                    line,
                    format!("relationship type {v:?} has leading/trailing whitespace"),
                );
            } else if !is_ident(v) {
                ctx.warn(
                    file,
                    line,
                    format!(
                        "relationship type {v:?} is not a plain identifier; Cypher must quote it"
                    ),
                );
            }
        }
        Kind::Prop => {
            if v.is_empty() {
                return;
            }
            if c.array {
                for e in v.split(';') {
                    if e.is_empty() {
                        ctx.warn(
                            file,
                            line,
                            format!("{}: empty element in array {v:?} (stray ';')", c.name),
                        );
                    } else if let Some(why) = check_value(&c.ty, e) {
                        ctx.err(
                            file,
                            line,
                            format!("{}: array element {e:?}: {why}", c.name),
                        );
                    }
                }
            } else if let Some(why) = check_value(&c.ty, v) {
                ctx.err(file, line, format!("{}: value {v:?}: {why}", c.name));
            }
            if v.chars().any(|ch| ch.is_control() && ch != '\t') {
                ctx.warn(
                    file,
                    line,
                    format!("{}: control character in value", c.name),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(files: &[(&str, &str)]) -> Vec<String> {
        let files: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, t)| (n.to_string(), t.as_bytes().to_vec()))
            .collect();
        validate_files(&files)
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn clean_export_passes() {
        let d = run(&[
            (
                "n.csv",
                "id:ID,:LABEL,name,n:int,a:string[]\np1,Person,\"A,B\",3,x;y\n",
            ),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE,start:int\np1,p1,KNOWS,0\n",
            ),
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn manages_joins_two_organizations() {
        let nodes = "id:ID,:LABEL,name\no1,Organization,A\no2,Organization,B\np1,Person,C\n";
        let ok = run(&[
            ("n.csv", nodes),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE\no1,o2,MANAGES\np1,o1,HOLDS_POSITION\n",
            ),
        ]);
        assert!(ok.is_empty(), "{ok:?}");
        let bad = run(&[
            ("n.csv", nodes),
            ("r.csv", ":START_ID,:END_ID,:TYPE\np1,o1,MANAGES\n"),
        ]);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].starts_with("r.csv:2: warning: MANAGES"), "{bad:?}");
    }

    #[test]
    fn sold_and_established_start_at_their_labels() {
        let nodes = "id:ID,:LABEL,name\no1,Organization,A\ne1,Event;Acquisition,B\np1,Person,C\nl1,Location,D\ne2,Event;Establishment,E\n";
        let ok = run(&[
            ("n.csv", nodes),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE\no1,e1,SOLD\np1,e1,SOLD\no1,e2,ESTABLISHED\nl1,e2,ESTABLISHED\n",
            ),
        ]);
        assert!(ok.is_empty(), "{ok:?}");
        let bad = run(&[
            ("n.csv", nodes),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE\nl1,e1,SOLD\np1,e2,ESTABLISHED\n",
            ),
        ]);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(bad[0].starts_with("r.csv:2: warning: SOLD"), "{bad:?}");
        assert!(
            bad[1].starts_with("r.csv:3: warning: ESTABLISHED"),
            "{bad:?}"
        );
    }

    #[test]
    fn advised_starts_at_an_organization() {
        let nodes = "id:ID,:LABEL,name\no1,Organization,A\ne1,Event;Acquisition,B\np1,Person,C\n";
        let ok = run(&[
            ("n.csv", nodes),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE,title\no1,e1,ADVISED,财务顾问\n",
            ),
        ]);
        assert!(ok.is_empty(), "{ok:?}");
        let bad = run(&[
            ("n.csv", nodes),
            (
                "r.csv",
                ":START_ID,:END_ID,:TYPE,title\np1,e1,ADVISED,财务顾问\n",
            ),
        ]);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].starts_with("r.csv:2: warning: ADVISED"), "{bad:?}");
    }

    #[test]
    fn finds_each_kind_of_problem() {
        let d = run(&[
            (
                "n.csv",
                "id:ID,:LABEL,name,n:int,d:date,x:foo\np1,Person,a,x,2024-13-01,\np1,Person,b,1,,\n",
            ),
            ("r.csv", ":START_ID,:END_ID,:TYPE\np1,p9,KNOWS\np1,p1,\n"),
        ]);
        let all = d.join("\n");
        assert!(
            all.contains("n.csv:1: error: header column 6 \"x:foo\": unknown type"),
            "{all}"
        );
        assert!(
            all.contains("n.csv:2: error: n: value \"x\": not an integer"),
            "{all}"
        );
        assert!(
            all.contains("n.csv:2: error: d: value \"2024-13-01\": not an ISO-8601 date"),
            "{all}"
        );
        assert!(
            all.contains("n.csv:3: error: duplicate :ID \"p1\""),
            "{all}"
        );
        assert!(
            all.contains("r.csv:2: error: :END_ID \"p9\" does not match"),
            "{all}"
        );
        assert!(all.contains("r.csv:3: error: empty :TYPE"), "{all}");
    }

    #[test]
    fn int_ranges_and_numbers() {
        assert!(check_value("int", "2147483648").is_some());
        assert!(check_value("long", "2147483648").is_none());
        assert!(check_value("double", "3.0e10").is_none());
        assert!(check_value("double", "3,5").is_some());
        assert!(check_value("boolean", "yes").is_some());
        assert!(check_value("date", "2024-02-29").is_none());
        assert!(check_value("date", "2023-02-29").is_some());
    }
}
