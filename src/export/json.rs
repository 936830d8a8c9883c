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
    edges.sort_by_key(|e| e.to_string());
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
