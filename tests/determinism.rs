//! The export is byte-identical across runs, thread counts and input orders (issue 6).

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in std::fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if p.is_file() {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            m.insert(name, std::fs::read(&p).expect("read"));
        }
    }
    m
}

fn extract(inputs: &[&Path], out: &Path, jobs: &str) {
    Command::cargo_bin("kgextract")
        .expect("bin")
        .arg("extract")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(["--force", "--no-render", "--jobs", jobs])
        .assert()
        .success();
}

#[test]
fn same_bytes_for_any_jobs_and_input_order() {
    let d = tempfile::tempdir().expect("tmp");
    let (a, b) = (d.path().join("in/a"), d.path().join("in/b"));
    std::fs::create_dir_all(&a).expect("mkdir");
    std::fs::create_dir_all(&b).expect("mkdir");
    let texts = [
        "# 签约\n发布时间: 2024 年 7 月 20 日\n\n中国联通董事长张三出席。中国移动与腾讯在北京签约。\n",
        "# 第二篇\n\n中國聯通与华为合作。中国移动董事长李四讲话。\n",
        "# 第三篇\n\n腾讯在深圳发布新产品，中国电信参加。\n",
    ];
    for (i, t) in texts.iter().enumerate() {
        let dir = if i == 0 { &a } else { &b };
        std::fs::write(dir.join(format!("{i}.txt")), t).expect("write");
    }
    let o1 = d.path().join("o1");
    let o2 = d.path().join("o2");
    let o3 = d.path().join("o3");
    extract(&[&a, &b], &o1, "1");
    extract(&[&b, &a], &o2, "4");
    extract(&[&a, &b], &o3, "2");
    let t1 = tree(&o1);
    assert!(t1.contains_key("nodes_organization.csv"));
    assert!(t1.contains_key("graph.json"));
    assert_eq!(t1, tree(&o2));
    assert_eq!(t1, tree(&o3));
}
