//! Bytes → text: BOM, binary sniffing, UTF-8, and CJK legacy encodings.
//!
//! Order of decisions, each with its reason:
//! 1. **BOM** (UTF-8, UTF-16 LE/BE) wins: it is explicit.
//! 2. **Binary sniffing** on the first 64 KiB: known magic numbers (PDF, ZIP/DOCX, PNG, JPEG,
//!    GIF, gzip, OLE/DOC) get a message naming the format; NUL bytes or more than 2% control
//!    bytes mean "not text". A wrong guess here costs one warning; decoding garbage costs a
//!    silently wrong graph.
//! 3. **UTF-8** if it validates.
//! 4. **Mostly UTF-8** — a few bad bytes among many valid multi-byte chars (a truncated copy,
//!    one corrupted byte) — is decoded lossily (U+FFFD) *with a warning*, rather than being
//!    re-read as GBK, which would turn every Chinese char into mojibake. "Few" = at most one bad
//!    sequence per 10 valid non-ASCII chars (GBK read as UTF-8
//!    shows about one valid pair per ten bad ones, the other way round).
//! 5. Otherwise **chardetng** guesses on a 256 KiB prefix. Chinese news is the only expected
//!    legacy content, so a guess of GBK/GB18030 or Big5 is taken as is; any other guess (short
//!    texts can look like EUC-KR or Shift_JIS) is re-checked: GBK and Big5 are both tried, and
//!    the one that decodes without errors and yields more common Chinese characters wins.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GBK, UTF_8, UTF_16BE, UTF_16LE};

use super::ReadError;

/// Decoded text plus how it was obtained.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GBK`, `Big5`, …
    pub encoding: &'static str,
    /// Set when the bytes were not entirely valid in the chosen encoding.
    pub warning: Option<String>,
}

const SNIFF: usize = 64 * 1024;
const DETECT: usize = 256 * 1024;

fn binary(path: &str, why: impl Into<String>) -> ReadError {
    ReadError::Binary {
        path: path.to_string(),
        why: why.into(),
    }
}

/// Name a known binary format from its first bytes.
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file; convert it to text first"),
        (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0", "an OLE document (DOC/XLS)"),
        (b"\x7FELF", "an executable"),
    ];
    SIGS.iter()
        .find(|(s, _)| bytes.starts_with(s))
        .map(|(_, w)| *w)
}

/// Reject bytes that are not text (checks a prefix).
fn sniff(path: &str, bytes: &[u8]) -> Result<(), ReadError> {
    if let Some(what) = magic(bytes) {
        return Err(binary(path, what));
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    // `contains` is a memchr; the count below has no branches, so both run as vector code
    // (this is asked of every document; issue 8).
    if head.contains(&0)
        && let Some(at) = head.iter().position(|&b| b == 0)
    {
        return Err(binary(
            path,
            format!("contains NUL bytes, first at byte {at}"),
        ));
    }
    // Counted in `u8` per block of 255 bytes (it cannot overflow): byte-wide lanes, four
    // to eight times as many per vector instruction as `usize` ones.
    let controls: usize = head
        .chunks(255)
        .map(|block| {
            block
                .iter()
                .map(|&b| {
                    let allowed =
                        (b == b'\t') | (b == b'\n') | (b == b'\r') | (b == 0x0C) | (b == 0x1B);
                    (((b < 0x20) & !allowed) | (b == 0x7F)) as u8
                })
                .fold(0u8, u8::wrapping_add) as usize
        })
        .sum();
    if !head.is_empty() && controls * 50 > head.len() {
        return Err(binary(
            path,
            format!("{controls} control bytes in the first {} bytes", head.len()),
        ));
    }
    Ok(())
}

/// Same check on decoded text (for UTF-16, where the bytes themselves contain NULs).
fn sniff_text(path: &str, text: &str) -> Result<(), ReadError> {
    let mut n = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SNIFF) {
        n += 1;
        if c == '\0' {
            return Err(binary(path, "contains NUL characters"));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{1B}') {
            controls += 1;
        }
    }
    if n > 0 && controls * 50 > n {
        return Err(binary(
            path,
            format!("{controls} control characters in the first {n}"),
        ));
    }
    Ok(())
}

/// Decode `bytes` (from `path`, used in messages).
pub fn decode(path: &str, bytes: &[u8]) -> Result<Decoded, ReadError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc == UTF_8 {
            sniff(path, body)?;
            return Ok(decode_utf8(body));
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        sniff_text(path, &text)?;
        let name = if enc == UTF_16LE {
            "UTF-16LE"
        } else if enc == UTF_16BE {
            "UTF-16BE"
        } else {
            enc.name()
        };
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: name,
            warning: had_errors
                .then(|| format!("malformed {name}: some characters replaced by U+FFFD")),
        });
    }
    sniff(path, bytes)?;
    // The same test as `std::str::from_utf8`, 16–32 bytes at a time (issue 8: the standard
    // one reads Chinese text a character at a time, ≈ 10 instructions a byte).
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            warning: None,
        });
    }
    // Mostly UTF-8?
    let (mut good, mut bad, mut first_bad) = (0usize, 0usize, None);
    let mut off = 0;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        off += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_bad.get_or_insert(off);
            off += chunk.invalid().len();
        }
    }
    if good >= 8 && bad * 10 <= good {
        let mut d = decode_utf8(bytes);
        d.warning = Some(format!(
            "{bad} invalid UTF-8 sequence(s) replaced by U+FFFD (first at byte {})",
            first_bad.unwrap_or(0)
        ));
        return Ok(d);
    }
    Ok(decode_legacy(bytes))
}

/// [`decode`] of bytes the caller gives up: valid UTF-8 without a BOM (nearly every input)
/// becomes the text without a copy; anything else is decoded as [`decode`] does.
pub fn decode_vec(path: &str, bytes: Vec<u8>) -> Result<Decoded, ReadError> {
    if Encoding::for_bom(&bytes).is_some() {
        return decode(path, &bytes);
    }
    sniff(path, &bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "UTF-8",
            warning: None,
        }),
        Err(e) => decode(path, e.as_bytes()),
    }
}

/// How a stream of bytes starts, as [`decode`] would read it: `Some(n)` when it is UTF-8 (an
/// `n`-byte UTF-8 BOM, or none) and its first bytes after that — up to [`SNIFF_BYTES`] of
/// `head` — pass the binary sniffing; `None` for a UTF-16 BOM or bytes that are not text.
/// (A stream that starts so and is valid UTF-8 throughout decodes to itself, without the
/// BOM, with no warning.)
pub fn utf8_start(head: &[u8]) -> Option<usize> {
    let bom = match Encoding::for_bom(head) {
        Some((enc, n)) if enc == UTF_8 => n,
        Some(_) => return None,
        None => 0,
    };
    sniff("", &head[bom..]).ok().map(|_| bom)
}

/// How many first bytes binary sniffing reads.
pub const SNIFF_BYTES: usize = SNIFF;

fn decode_utf8(bytes: &[u8]) -> Decoded {
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: "UTF-8",
        warning: None,
    }
}

/// Frequent characters of Chinese news, in both scripts: a cheap plausibility score.
const COMMON: &str = "的是在了和有中国公司人为发会年月日与业大这一不个上们来到时地以要就出也对生能而于着下自之\
                      年将经济发展企业合作投资产品市场技术服务管理部门政府金融银行集团有限责任股份\
                      國會發業這個們來時對於經濟發展產務資術與為進說開關長東區";

fn score(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_ascii() && COMMON.contains(*c))
        .count()
}

fn decode_legacy(bytes: &[u8]) -> Decoded {
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT)];
    det.feed(prefix, prefix.len() == bytes.len());
    let guess = det.guess(None, Utf8Detection::Deny);
    let chosen = if guess == GBK || guess == encoding_rs::GB18030 || guess == BIG5 {
        guess
    } else {
        let (g, g_err) = GBK.decode_without_bom_handling(prefix);
        let (b, b_err) = BIG5.decode_without_bom_handling(prefix);
        match (g_err, b_err) {
            (false, true) => GBK,
            (true, false) => BIG5,
            (false, false) if score(&b) > score(&g) => BIG5,
            (false, false) => GBK,
            (true, true) => guess,
        }
    };
    let (text, had_errors) = chosen.decode_without_bom_handling(bytes);
    let name = if chosen == encoding_rs::GB18030 {
        "GB18030"
    } else {
        chosen.name()
    };
    Decoded {
        text: text.into_owned(),
        encoding: name,
        warning: had_errors.then(|| {
            format!("not valid {name} throughout (detected); undecodable bytes replaced by U+FFFD")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(e: &'static Encoding, s: &str) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    /// `simdutf8` (used by [`decode`] and the record reader) accepts exactly what the
    /// standard test accepts: valid text of every length around its block sizes, and every
    /// kind of invalid sequence at every position of a block.
    #[test]
    fn simdutf8_agrees_with_std() {
        let text =
            format!("{ZH}abc，１２３·€😀\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}");
        let bad: [&[u8]; 12] = [
            b"\x80",
            b"\xBF",
            b"\xC0\x80",
            b"\xC1\xBF",
            b"\xE0\x80\x80",
            b"\xED\xA0\x80",
            b"\xE4\xB8",
            b"\xF0\x8F\xBF\xBF",
            b"\xF4\x90\x80\x80",
            b"\xF5\x80\x80\x80",
            b"\xFF",
            b"\xE4\xB8\x41",
        ];
        for n in 0..=text.len() {
            let head = &text.as_bytes()[..n];
            assert_eq!(
                simdutf8::basic::from_utf8(head).is_ok(),
                std::str::from_utf8(head).is_ok(),
                "{n}"
            );
            for b in bad {
                // (A cut character may be completed by the bytes after it.)
                let v = [head, b, b"tail"].concat();
                assert_eq!(
                    simdutf8::basic::from_utf8(&v).is_ok(),
                    std::str::from_utf8(&v).is_ok(),
                    "{n} {b:?}"
                );
            }
        }
    }

    #[test]
    fn decode_vec_is_decode_and_a_utf8_start_is_named() {
        for bytes in [
            ZH.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF".as_slice(), ZH.as_bytes()].concat(),
            enc(GBK, ZH),
            [ZH.as_bytes(), b"\xFF"].concat(),
        ] {
            let (a, b) = (
                decode("x", &bytes).unwrap(),
                decode_vec("x", bytes).unwrap(),
            );
            assert_eq!(
                (a.text, a.encoding, a.warning),
                (b.text, b.encoding, b.warning)
            );
        }
        assert!(decode_vec("x", b"%PDF-1.4".to_vec()).is_err());
        assert_eq!(utf8_start(ZH.as_bytes()), Some(0));
        assert_eq!(utf8_start(b"\xEF\xBB\xBF{}"), Some(3));
        assert_eq!(utf8_start(b"\xFF\xFE{\0}\0"), None);
        assert_eq!(utf8_start(b"%PDF-1.4"), None);
        assert_eq!(utf8_start(b"a\0b"), None);
    }

    const ZH: &str = "中国联通董事长在北京出席合作伙伴大会并发表主题演讲，宣布未来三年对外产业投资超过三百亿元。";
    const ZH_T: &str = "中國聯通董事長在北京出席合作夥伴大會並發表主題演講，宣佈未來三年對外產業投資超過三百億元。";

    #[test]
    fn detects_gbk_and_big5_even_when_short() {
        for s in [ZH, "发布时间：2024年7月21日", "签约仪式"] {
            let d = decode("x", &enc(GBK, s)).unwrap();
            assert_eq!(d.text, s, "GBK detected as {}", d.encoding);
        }
        for s in [ZH_T, "發佈時間：2024年7月21日"] {
            let d = decode("x", &enc(BIG5, s)).unwrap();
            assert_eq!(d.text, s, "Big5 detected as {}", d.encoding);
            assert_eq!(d.encoding, "Big5");
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(ZH.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode("x", &le).unwrap().text, ZH);
        let mut be = vec![0xFE, 0xFF];
        be.extend(ZH.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let d = decode("x", &be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (ZH, "UTF-16BE"));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend(ZH.as_bytes());
        assert_eq!(decode("x", &b).unwrap().text, ZH);
    }

    #[test]
    fn a_bad_byte_in_utf8_is_replaced_with_a_warning() {
        let mut b = ZH.as_bytes().to_vec();
        b.insert(9, 0xFF);
        let d = decode("x", &b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains('\u{FFFD}') && d.text.contains("董事长"));
        assert!(d.warning.unwrap().contains("byte 9"));
    }

    #[test]
    fn binary_is_rejected_with_a_reason() {
        let e = decode("a.pdf", b"%PDF-1.7 ...").unwrap_err().to_string();
        assert!(e.contains("a.pdf") && e.contains("PDF"), "{e}");
        let e = decode("b.bin", &[1, 2, 3, 4, 5, 6, 7, 8, 65])
            .unwrap_err()
            .to_string();
        assert!(e.contains("control"), "{e}");
        assert!(decode("c", b"ab\0cd").is_err());
    }
}
