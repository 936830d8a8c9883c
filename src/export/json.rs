//! `graph.json`: every node and edge with all properties, for scripts.

use serde_json::{Map, Value, json};

use super::{Exporter, OutDir, OutDirError};
use crate::extract::TimeValue;
use crate::graph::{KnowledgeGraph, NodeProps};

pub struct JsonExporter;

fn time_json(t: &Option<TimeValue>) -> Value {
    match t {
        Some(TimeValue::Date {
            date,
            precision,
            end,
        }) => {
            json!({"date": date.to_string(), "date_precision": precision.as_str(), "end_date": end.map(|e| e.to_string())})
        }
        Some(TimeValue::Period { text }) => json!({"period": text}),
        None => Value::Null,
    }
}

/// The JSON document for a graph.
pub fn to_json(kg: &KnowledgeGraph) -> Value {
    let mut nodes: Vec<Value> = Vec::new();
    for n in kg.g.node_weights() {
        let mut o = Map::new();
        o.insert("id".into(), json!(n.id));
        o.insert("label".into(), json!(n.label.as_str()));
        o.insert("name".into(), json!(n.name));
        o.insert("aliases".into(), json!(n.aliases));
        o.insert("mentions".into(), json!(n.mentions));
        o.insert("merged_by".into(), json!(n.merged_by));
        match &n.props {
            NodeProps::Document {
                path,
                title,
                published,
            } => {
                o.insert("path".into(), json!(path));
                o.insert("title".into(), json!(title));
                o.insert("published".into(), json!(published.map(|d| d.to_string())));
            }
            NodeProps::Organization { kind } => {
                o.insert("kind".into(), json!(kind.as_str()));
            }
            NodeProps::Amount { money, text } => {
                o.insert("value".into(), json!(money.value));
                o.insert("min".into(), json!(money.min));
                o.insert("max".into(), json!(money.max));
                o.insert("currency".into(), json!(money.currency));
                o.insert("qualifier".into(), json!(money.qualifier.as_str()));
                o.insert("text".into(), json!(text));
            }
            NodeProps::Event {
                kind,
                date,
                location,
            } => {
                o.insert("kind".into(), json!(kind.as_str()));
                o.insert("time".into(), time_json(date));
                o.insert("location".into(), json!(location));
            }
            NodeProps::Person | NodeProps::Role | NodeProps::Location => {}
        }
        nodes.push(Value::Object(o));
    }
    nodes.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    let mut edges: Vec<Value> = Vec::new();
    for e in kg.g.edge_indices() {
        let Some((a, b)) = kg.g.edge_endpoints(e) else {
            continue;
        };
        let w = &kg.g[e];
        let mut o = Map::new();
        o.insert("from".into(), json!(kg.g[a].id));
        o.insert("to".into(), json!(kg.g[b].id));
        o.insert("type".into(), json!(w.rel.as_str()));
        if let Some(t) = &w.props.title {
            o.insert("title".into(), json!(t));
        }
        if let Some(s) = w.props.status {
            o.insert("status".into(), json!(s.as_str()));
        }
        if let Some(v) = &w.props.on_behalf_of {
            o.insert("on_behalf_of".into(), json!(v));
        }
        if let Some(v) = w.props.lead {
            o.insert("lead".into(), json!(v));
        }
        if let Some(v) = &w.props.about {
            o.insert("about".into(), json!(v));
        }
        if let Some(c) = w.count {
            o.insert("count".into(), json!(c));
        }
        if let Some(ev) = &w.evidence {
            o.insert("doc".into(), json!(ev.doc));
            o.insert("sentence".into(), json!(ev.sentence));
            o.insert("start".into(), json!(ev.start));
            o.insert("end".into(), json!(ev.end));
            o.insert("rule".into(), json!(ev.rule));
        }
        edges.push(Value::Object(o));
    }
    // Cached: the key is the serialized edge, so compute it once per edge, not per comparison.
    edges.sort_by_cached_key(|e| e.to_string());
    json!({"nodes": nodes, "edges": edges})
}

impl Exporter for JsonExporter {
    fn name(&self) -> &'static str {
        "json"
    }
    fn write(&self, kg: &KnowledgeGraph, out: &OutDir) -> Result<(), OutDirError> {
        let mut s = serde_json::to_string_pretty(&to_json(kg)).unwrap_or_default();
        s.push('\n');
        out.write("graph.json", s.as_bytes())
    }
}

/// Why `graph.json` could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadJsonError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: {what}")]
    Shape { path: String, what: String },
}

fn s_of(o: &Value, k: &str) -> Option<String> {
    o.get(k).and_then(Value::as_str).map(str::to_string)
}

fn strings(o: &Value, k: &str) -> std::collections::BTreeSet<String> {
    o.get(k)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn time_of(v: Option<&Value>) -> Option<TimeValue> {
    let v = v?;
    if let Some(p) = v.get("period").and_then(Value::as_str) {
        return Some(TimeValue::Period {
            text: p.to_string(),
        });
    }
    let date = chrono::NaiveDate::parse_from_str(v.get("date")?.as_str()?, "%Y-%m-%d").ok()?;
    let precision = serde_json::from_value(v.get("date_precision")?.clone()).ok()?;
    let end = v
        .get("end_date")
        .and_then(Value::as_str)
        .and_then(|e| chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").ok());
    Some(TimeValue::Date {
        date,
        precision,
        end,
    })
}

/// Rebuild a [`KnowledgeGraph`] from the value [`to_json`] produced (`graph.json`).
/// `to_json(&from_json(v)?) == v` for every graph kgextract writes (a test checks it).
pub fn from_json(v: &Value) -> Result<KnowledgeGraph, String> {
    use crate::extract::{EventKind, Money, OrgKind, RelProps, RelType};
    use crate::graph::{Edge, EdgeEvidence, Node, NodeLabel, intern_rule};
    let mut kg = KnowledgeGraph::default();
    let nodes = v
        .get("nodes")
        .and_then(Value::as_array)
        .ok_or("no \"nodes\" array")?;
    for (i, n) in nodes.iter().enumerate() {
        let id = s_of(n, "id").ok_or(format!("node {i}: no id"))?;
        let lab = s_of(n, "label").unwrap_or_default();
        let label = NodeLabel::ALL
            .into_iter()
            .find(|l| l.as_str() == lab)
            .ok_or(format!("node {id}: unknown label {lab:?}"))?;
        let props = match label {
            NodeLabel::Document => NodeProps::Document {
                path: s_of(n, "path").unwrap_or_default(),
                title: s_of(n, "title"),
                published: s_of(n, "published")
                    .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            },
            NodeLabel::Person => NodeProps::Person,
            NodeLabel::Role => NodeProps::Role,
            NodeLabel::Location => NodeProps::Location,
            NodeLabel::Organization => NodeProps::Organization {
                kind: s_of(n, "kind")
                    .and_then(|k| OrgKind::parse(&k))
                    .unwrap_or(OrgKind::Other),
            },
            NodeLabel::Amount => NodeProps::Amount {
                money: Money {
                    value: n.get("value").and_then(Value::as_f64).unwrap_or(f64::NAN),
                    min: n.get("min").and_then(Value::as_f64),
                    max: n.get("max").and_then(Value::as_f64),
                    currency: s_of(n, "currency").unwrap_or_default(),
                    qualifier: n
                        .get("qualifier")
                        .and_then(|q| serde_json::from_value(q.clone()).ok())
                        .ok_or(format!("node {id}: bad qualifier"))?,
                },
                text: s_of(n, "text").unwrap_or_default(),
            },
            NodeLabel::Event => NodeProps::Event {
                kind: n
                    .get("kind")
                    .and_then(|k| serde_json::from_value::<EventKind>(k.clone()).ok())
                    .ok_or(format!("node {id}: bad event kind"))?,
                date: time_of(n.get("time")),
                location: s_of(n, "location"),
            },
        };
        let node = Node {
            id: id.clone(),
            label,
            name: s_of(n, "name").unwrap_or_default(),
            aliases: strings(n, "aliases"),
            mentions: n.get("mentions").and_then(Value::as_u64).unwrap_or(0) as u32,
            merged_by: strings(n, "merged_by"),
            props,
        };
        let ix = kg.g.add_node(node);
        if kg.by_id.insert(id.clone(), ix).is_some() {
            return Err(format!("duplicate node id {id}"));
        }
    }
    let edges = v
        .get("edges")
        .and_then(Value::as_array)
        .ok_or("no \"edges\" array")?;
    for (i, e) in edges.iter().enumerate() {
        let end = |k: &str| -> Result<petgraph::graph::NodeIndex, String> {
            let id = s_of(e, k).ok_or(format!("edge {i}: no {k}"))?;
            kg.by_id
                .get(&id)
                .copied()
                .ok_or(format!("edge {i}: {k} {id:?} is not a node"))
        };
        let (a, b) = (end("from")?, end("to")?);
        let ty = s_of(e, "type").unwrap_or_default();
        let rel = RelType::ALL
            .into_iter()
            .find(|r| r.as_str() == ty)
            .ok_or(format!("edge {i}: unknown type {ty:?}"))?;
        let props = RelProps {
            title: s_of(e, "title"),
            status: e
                .get("status")
                .and_then(|s| serde_json::from_value(s.clone()).ok()),
            on_behalf_of: s_of(e, "on_behalf_of"),
            lead: e.get("lead").and_then(Value::as_bool),
            about: s_of(e, "about"),
        };
        let evidence = s_of(e, "doc").map(|doc| EdgeEvidence {
            doc,
            sentence: s_of(e, "sentence").unwrap_or_default(),
            start: e.get("start").and_then(Value::as_u64).unwrap_or(0) as usize,
            end: e.get("end").and_then(Value::as_u64).unwrap_or(0) as usize,
            rule: intern_rule(&s_of(e, "rule").unwrap_or_default()),
        });
        kg.g.add_edge(
            a,
            b,
            Edge {
                rel,
                props,
                count: e.get("count").and_then(Value::as_u64).map(|c| c as u32),
                evidence,
            },
        );
    }
    Ok(kg)
}

/// Read `graph.json` from an export folder (or the file itself).
pub fn read_graph(path: &std::path::Path) -> Result<KnowledgeGraph, ReadJsonError> {
    let file = if path.is_dir() {
        path.join("graph.json")
    } else {
        path.to_path_buf()
    };
    let p = file.display().to_string();
    let text = std::fs::read_to_string(&file).map_err(|source| ReadJsonError::Io {
        path: p.clone(),
        source,
    })?;
    let v: Value = serde_json::from_str(&text).map_err(|source| ReadJsonError::Json {
        path: p.clone(),
        source,
    })?;
    from_json(&v).map_err(|what| ReadJsonError::Shape { path: p, what })
}
