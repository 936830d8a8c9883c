//! `import.sh` (neo4j-admin, Neo4j 5 syntax) and `import.cypher` (LOAD CSV + MERGE) for an
//! export, plus the constraint block shared with `schema/constraints.cypher`.
//!
//! `import.cypher` builds the same graph as `neo4j-admin` from the same CSV files — same
//! labels, properties and types — and is idempotent: nodes MERGE on `id` (unique per label by
//! constraint), relationships MERGE on their deterministic `id`, and every property is SET
//! (an empty field SETs null, i.e. no property, exactly as neo4j-admin skips empty fields).
//! Relationships are matched through the label their id prefix names (`per_` → `Person`), one
//! statement per (type, start label, end label) that occurs in the export, so every MATCH uses
//! a constraint index.
//!
//! Written for Neo4j 5. Two constructs differ on older servers (the CI's Neo4j 3.1 runs the
//! script through a documented rewrite in `tests/neo4j/`): `CREATE CONSTRAINT … FOR … REQUIRE`
//! (3.x: `CREATE CONSTRAINT ON … ASSERT`) and `date(…)` (3.x has no temporal types: the date
//! stays an ISO string there, as neo4j-import 2.3 also stores it).

use std::collections::BTreeSet;

use super::neo4j_csv::{node_file, node_header, rel_file, rel_header};
use crate::extract::{EventKind, RelType};
use crate::graph::{KnowledgeGraph, NodeLabel};

/// The uniqueness constraints (Neo4j 5 syntax), one per label.
pub fn constraints() -> String {
    let mut s = String::new();
    for l in NodeLabel::ALL {
        s.push_str(&format!(
            "CREATE CONSTRAINT {}_id IF NOT EXISTS FOR (n:{}) REQUIRE n.id IS UNIQUE;\n",
            l.as_str().to_lowercase(),
            l.as_str()
        ));
    }
    s
}

/// The text of `schema/constraints.cypher` (kept equal by a test).
pub fn constraints_file() -> String {
    format!(
        "// Uniqueness constraints of the kgextract graph (Neo4j 5 syntax); see schema/graph.md.\n\
         // import.cypher in every export starts with the same statements.\n\
         // Neo4j 3.x/4.x spelling: CREATE CONSTRAINT ON (n:Person) ASSERT n.id IS UNIQUE;\n{}",
        constraints()
    )
}

fn col(c: &str) -> String {
    format!("row.`{}`", c.replace('`', "``"))
}

/// A null-if-empty expression for a column.
fn nz(c: &str) -> String {
    format!("CASE {} WHEN '' THEN null ELSE {} END", col(c), col(c))
}

/// `prop = value` for one typed header column, or None for special columns.
fn set_expr(var: &str, header: &str) -> Option<String> {
    if header.starts_with(':') || header.ends_with(":ID") || header == "id" {
        return None;
    }
    let (name, ty) = header.split_once(':').unwrap_or((header, "string"));
    let v = match ty {
        "string" => nz(header),
        "string[]" => format!(
            "CASE coalesce({c}, '') WHEN '' THEN null ELSE split({c}, ';') END",
            c = col(header)
        ),
        "int" | "long" => format!("toInteger({})", nz(header)),
        "double" | "float" => format!("toFloat({})", nz(header)),
        "boolean" => format!(
            "CASE {} WHEN 'true' THEN true WHEN 'false' THEN false ELSE null END",
            col(header)
        ),
        "date" => format!("date({})", nz(header)),
        _ => nz(header),
    };
    Some(format!("{var}.{name} = {v}"))
}

fn sets(var: &str, header: &[String]) -> String {
    header
        .iter()
        .filter_map(|h| set_expr(var, h))
        .collect::<Vec<_>>()
        .join(",\n    ")
}

fn id_prefix(label: NodeLabel) -> String {
    crate::graph::node_id(label, "")
        .split('_')
        .next()
        .unwrap_or("")
        .to_string()
        + "_"
}

/// `import.cypher` for a graph.
pub fn import_cypher(kg: &KnowledgeGraph) -> String {
    let mut s = String::from(
        "// kgextract import.cypher: load this export into a running Neo4j 5 with LOAD CSV + MERGE.\n\
         // It builds the same graph as import.sh (neo4j-admin) and is idempotent: run it twice, get\n\
         // the same graph. Put the CSV files in the server's import directory\n\
         // (server.directories.import), then: cypher-shell -f import.cypher\n\
         // For large exports prefer import.sh (offline, much faster).\n\n\
         // 1. Constraints (also schema/constraints.cypher).\n",
    );
    s.push_str(&constraints());
    s.push_str("\n// 2. Nodes, one file per label.\n");
    for l in NodeLabel::ALL {
        let h = node_header(l);
        let file = node_file(l);
        s.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row\n\
             MERGE (n:{} {{id: {}}})\n\
             SET {};\n",
            l.as_str(),
            col("id:ID"),
            sets("n", &h)
        ));
        if l == NodeLabel::Event {
            for k in EventKind::ALL {
                s.push_str(&format!(
                    "LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row\n\
                     WITH row WHERE row.kind = '{k}'\n\
                     MATCH (n:Event {{id: {}}}) SET n:{k};\n",
                    col("id:ID"),
                    k = k.as_str()
                ));
            }
        }
        s.push('\n');
    }
    s.push_str(
        "// 3. Relationships, one statement per (type, start label, end label) in this export.\n",
    );
    let rh = rel_header();
    let mut combos: BTreeSet<(RelType, NodeLabel, NodeLabel)> = BTreeSet::new();
    let mut list = kg.mentions.cursor();
    for e in kg.edge_indices() {
        let ends = kg.edge_endpoints_by(e, |i| list.get(i));
        if let (Some((a, b)), Some(rel)) = (ends, kg.edge_rel(e)) {
            combos.insert((rel, kg.g[a].label, kg.g[b].label));
        }
    }
    for (rel, la, lb) in combos {
        s.push_str(&format!(
            "LOAD CSV WITH HEADERS FROM 'file:///{}' AS row\n\
             WITH row WHERE {s} STARTS WITH '{pa}' AND {e} STARTS WITH '{pb}'\n\
             MATCH (a:{} {{id: {s}}}), (b:{} {{id: {e}}})\n\
             MERGE (a)-[r:{} {{id: row.id}}]->(b)\n\
             SET {};\n\n",
            rel_file(rel),
            la.as_str(),
            lb.as_str(),
            rel.as_str(),
            sets("r", &rh),
            s = col(":START_ID"),
            e = col(":END_ID"),
            pa = id_prefix(la),
            pb = id_prefix(lb),
        ));
    }
    s
}

/// `import.sh`: the exact `neo4j-admin database import full` command for this export.
pub fn import_sh() -> String {
    let mut files = String::new();
    for l in NodeLabel::ALL {
        files.push_str(&format!("  --nodes={} \\\n", node_file(l)));
    }
    for (i, r) in RelType::ALL.iter().enumerate() {
        let last = i + 1 == RelType::ALL.len();
        files.push_str(&format!(
            "  --relationships={}{}\n",
            rel_file(*r),
            if last { "" } else { " \\" }
        ));
    }
    format!(
        "#!/bin/sh\n\
         # Import this export into a new, stopped Neo4j 5 database with neo4j-admin (offline, fast).\n\
         # Usage: sh import.sh [DATABASE]      (default: neo4j; NEO4J_HOME may name the installation)\n\
         # Neo4j 5.19+ wants the database name before the options, as written here. Afterwards\n\
         # run schema/constraints.cypher (or the constraint block of import.cypher) once.\n\
         set -eu\n\
         cd \"$(dirname \"$0\")\"\n\
         DB=\"${{1:-neo4j}}\"\n\
         ADMIN=\"${{NEO4J_HOME:+$NEO4J_HOME/bin/}}neo4j-admin\"\n\
         exec \"$ADMIN\" database import full \"$DB\" \\\n\
         \x20 --overwrite-destination=false \\\n\
         \x20 --id-type=string \\\n\
         \x20 --delimiter=',' \\\n\
         \x20 --array-delimiter=';' \\\n\
         \x20 --quote='\"' \\\n\
         \x20 --multiline-fields=false \\\n\
         \x20 --skip-bad-relationships=false \\\n\
         \x20 --skip-duplicate-nodes=false \\\n\
         \x20 --bad-tolerance=0 \\\n\
         {files}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_file_is_in_sync() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/constraints.cypher");
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert_eq!(
            on_disk,
            constraints_file(),
            "schema/constraints.cypher is stale: regenerate it from export::cypher::constraints_file()"
        );
    }

    #[test]
    fn set_expressions_are_typed() {
        assert_eq!(
            set_expr("n", "mentions:int").unwrap(),
            "n.mentions = toInteger(CASE row.`mentions:int` WHEN '' THEN null ELSE row.`mentions:int` END)"
        );
        assert!(set_expr("n", "date:date").unwrap().contains("date(CASE"));
        assert!(set_expr("n", "id:ID").is_none());
        assert!(set_expr("r", ":TYPE").is_none());
        assert!(
            set_expr("n", "aliases:string[]")
                .unwrap()
                .contains("split(row.`aliases:string[]`, ';')")
        );
    }

    #[test]
    fn import_sh_names_every_file() {
        let sh = import_sh();
        assert!(sh.contains("database import full \"$DB\""));
        for l in NodeLabel::ALL {
            assert!(sh.contains(&format!("--nodes={}", node_file(l))));
        }
        for r in RelType::ALL {
            assert!(sh.contains(&format!("--relationships={}", rel_file(r))));
        }
        assert!(!sh.trim_end().ends_with('\\'));
    }
}
