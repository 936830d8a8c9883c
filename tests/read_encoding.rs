//! Reading files in every supported encoding, created here with encoding_rs.

use std::path::Path;

use encoding_rs::{BIG5, Encoding, GB18030, GBK};
use kgextract::read::{Limits, ReadError, read_file};

const SIMPLIFIED: &str = "# 某集团与某银行签署战略合作协议\n\n发布时间：2024年7月21日\n\n\
    某集团董事长在签约仪式上表示，双方将在数字化转型、绿色金融等领域深化合作。";
const TRADITIONAL: &str = "# 某集團與某銀行簽署戰略合作協議\n\n發佈時間：2024年7月21日\n\n\
    某集團董事長在簽約儀式上表示，雙方將在數位轉型、綠色金融等領域深化合作。";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn encode(e: &'static Encoding, s: &str) -> Vec<u8> {
    let (b, _, had_errors) = e.encode(s);
    assert!(!had_errors);
    b.into_owned()
}

fn read(p: &Path) -> Result<kgextract::read::Document, ReadError> {
    read_file(p, "t", &Limits::default())
}

#[test]
fn gbk_gb18030_and_big5_files() {
    let d = tempfile::tempdir().unwrap();
    for (name, enc, text, want) in [
        ("gbk.txt", GBK, SIMPLIFIED, "GBK"),
        ("gb18030.txt", GB18030, SIMPLIFIED, "GBK"),
        ("big5.txt", BIG5, TRADITIONAL, "Big5"),
    ] {
        let p = write(d.path(), name, &encode(enc, text));
        let doc = read(&p).unwrap();
        assert_eq!(doc.text, text, "{name} decoded as {}", doc.header.encoding);
        assert_eq!(doc.header.encoding, want, "{name}");
        assert!(
            doc.header.warnings.is_empty(),
            "{name}: {:?}",
            doc.header.warnings
        );
        assert_eq!(doc.header.published.unwrap().to_string(), "2024-07-21");
        assert!(doc.header.title.is_some());
    }
}

#[test]
fn short_gbk_is_not_misdetected() {
    let d = tempfile::tempdir().unwrap();
    for s in ["中国联通", "签约仪式在北京举行。", "董事长", "投资三百亿元"] {
        let p = write(d.path(), "short.txt", &encode(GBK, s));
        let doc = read(&p).unwrap();
        assert_eq!(doc.text, s, "decoded as {}", doc.header.encoding);
    }
}

#[test]
fn utf16_and_utf8_bom_files() {
    let d = tempfile::tempdir().unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(SIMPLIFIED.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(TRADITIONAL.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(SIMPLIFIED.as_bytes());
    for (name, bytes, text, enc) in [
        ("le.txt", le, SIMPLIFIED, "UTF-16LE"),
        ("be.txt", be, TRADITIONAL, "UTF-16BE"),
        ("bom.txt", bom, SIMPLIFIED, "UTF-8"),
    ] {
        let doc = read(&write(d.path(), name, &bytes)).unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.header.encoding),
            (text, enc),
            "{name}"
        );
        assert_eq!(doc.header.published.unwrap().to_string(), "2024-07-21");
    }
}

#[test]
fn invalid_utf8_in_the_middle_is_replaced_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let mut b = SIMPLIFIED.as_bytes().to_vec();
    let mid = SIMPLIFIED.find("董事长").unwrap();
    b.splice(mid..mid, [0xC3, 0x28]); // an invalid two-byte sequence
    let doc = read(&write(d.path(), "bad.txt", &b)).unwrap();
    assert_eq!(doc.header.encoding, "UTF-8");
    assert!(doc.text.contains("\u{FFFD}(董事长"));
    assert_eq!(doc.header.warnings.len(), 1);
    assert!(
        doc.header.warnings[0].contains(&format!("byte {mid}")),
        "{:?}",
        doc.header.warnings
    );
}

#[test]
fn binary_empty_missing_folder_and_too_large() {
    let d = tempfile::tempdir().unwrap();
    let png = write(d.path(), "img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let e = read(&png).unwrap_err().to_string();
    assert!(e.contains("img.txt") && e.contains("PNG"), "{e}");

    let noisy: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    let e = read(&write(d.path(), "noise.txt", &noisy)).unwrap_err();
    assert!(matches!(e, ReadError::Binary { .. }), "{e}");

    let e = read(&write(d.path(), "empty.txt", b"  \n\n ")).unwrap_err();
    assert!(matches!(e, ReadError::Empty { .. }) && e.to_string().contains("empty.txt"));

    let e = read(&d.path().join("nope.txt")).unwrap_err();
    assert!(matches!(e, ReadError::Io { .. }) && e.to_string().contains("nope.txt"));

    let e = read(d.path()).unwrap_err();
    assert!(matches!(e, ReadError::IsDir { .. }), "{e}");

    let big = write(d.path(), "big.txt", "中".repeat(100).as_bytes());
    let e = read_file(&big, "t", &Limits { max_bytes: 50 }).unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::TooLarge {
                size: 300,
                limit: 50,
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("--max-bytes"));
}

#[test]
fn crlf_and_control_free_text_is_fine() {
    let d = tempfile::tempdir().unwrap();
    let t = SIMPLIFIED.replace('\n', "\r\n");
    let doc = read(&write(d.path(), "crlf.txt", t.as_bytes())).unwrap();
    assert_eq!(doc.text, t);
    assert_eq!(doc.header.published.unwrap().to_string(), "2024-07-21");
    assert_eq!(
        doc.header.title.as_deref(),
        Some("某集团与某银行签署战略合作协议")
    );
}
