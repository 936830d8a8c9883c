//! Where each document's evidence waits between extraction and graph building (issue 8:
//! memory grows with the graph, not with the text).
//!
//! Entity resolution needs every document before it decides anything, but it reads only the
//! names of the mentions, the events and who holds a position where. The rest of a document's
//! record — the position and rule of every mention, the relations with their evidence, the
//! text of the sentences an edge can cite — is read once, when the graph's edges are made,
//! one document at a time; the graph then keeps the file and reads a MENTIONED_IN edge's
//! sentence back from it when an exporter asks ([`RecordReader::with_text_at`]). [`Records`] holds those parts encoded (unsigned LEB128 integers and
//! length-prefixed strings, see [`Writer`]): in an anonymous temporary file for a command-line
//! run (`tempfile::tempfile`, in `$TMPDIR`; removed by the system when the run ends, whether
//! or not it succeeds), in memory for a graph built by the library from documents already in
//! memory. An I/O error on the file is returned, never a panic.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// Where a document's encoded part is: (offset, length).
pub type Span = (u64, u32);

/// The encoded parts of every document, appended in input order.
#[derive(Debug)]
pub struct Records {
    store: Store,
    /// Bytes appended so far.
    len: u64,
}

#[derive(Debug)]
enum Store {
    Mem(Vec<u8>),
    File(BufWriter<File>),
}

impl Default for Records {
    fn default() -> Records {
        Records::in_memory()
    }
}

impl Records {
    /// Parts kept in memory (a graph built from documents that are in memory anyway).
    pub fn in_memory() -> Records {
        Records {
            store: Store::Mem(Vec::new()),
            len: 0,
        }
    }

    /// Parts written to an anonymous temporary file.
    pub fn on_disk() -> io::Result<Records> {
        Ok(Records {
            store: Store::File(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)),
            len: 0,
        })
    }

    /// Append one document's part; where it is.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<Span> {
        let len = u32::try_from(bytes.len()).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                "a document's record is larger than 4 GiB",
            )
        })?;
        match &mut self.store {
            Store::Mem(v) => v.extend_from_slice(bytes),
            Store::File(w) => w.write_all(bytes)?,
        }
        let at = self.len;
        self.len += u64::from(len);
        Ok((at, len))
    }

    /// Done appending: the parts, to be read back.
    pub fn into_reader(self) -> io::Result<RecordReader> {
        Ok(match self.store {
            Store::Mem(v) => RecordReader::Mem(v),
            Store::File(w) => RecordReader::File(w.into_inner().map_err(|e| e.into_error())?),
        })
    }
}

/// The parts of [`Records`], read back one document at a time.
#[derive(Debug)]
pub enum RecordReader {
    Mem(Vec<u8>),
    File(File),
}

impl RecordReader {
    /// The part at `span`, into `buf` (replacing its contents).
    pub fn read(&mut self, (at, len): Span, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.clear();
        match self {
            RecordReader::Mem(v) => {
                let part = usize::try_from(at)
                    .ok()
                    .and_then(|a| v.get(a..a.checked_add(len as usize)?))
                    .ok_or_else(truncated)?;
                buf.extend_from_slice(part);
            }
            RecordReader::File(f) => {
                f.seek(SeekFrom::Start(at))?;
                buf.resize(len as usize, 0);
                f.read_exact(buf)?;
            }
        }
        Ok(())
    }
}

impl RecordReader {
    /// The text of `len` bytes at `at` (a string [`Writer::str`] wrote), handed to `f`,
    /// without moving the file's position: what a graph reads back of a cited sentence
    /// (issue 8). It is read into a buffer this thread keeps, so an exporter writing each
    /// cited sentence makes no allocation for it (≈ 125 000 read-backs in c3's exports).
    pub fn with_text_at<R>(&self, at: u64, len: u32, f: impl FnOnce(io::Result<&str>) -> R) -> R {
        // (`simdutf8` accepts exactly what `std::str::from_utf8` accepts, faster on Chinese.)
        fn text(b: &[u8]) -> io::Result<&str> {
            simdutf8::basic::from_utf8(b).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    "a sentence read back from the temporary file is not UTF-8",
                )
            })
        }
        match self {
            RecordReader::Mem(v) => f(usize::try_from(at)
                .ok()
                .and_then(|a| v.get(a..a.checked_add(len as usize)?))
                .ok_or_else(truncated)
                .and_then(text)),
            RecordReader::File(file) => {
                thread_local! {
                    static BUF: std::cell::RefCell<Vec<u8>> = const {
                        std::cell::RefCell::new(Vec::new())
                    };
                }
                BUF.with(|cell| {
                    // A call from inside `f` (none is made) would get a buffer of its own.
                    let (mut held, mut own);
                    let buf: &mut Vec<u8> = match cell.try_borrow_mut() {
                        Ok(b) => {
                            held = b;
                            &mut held
                        }
                        Err(_) => {
                            own = Vec::new();
                            &mut own
                        }
                    };
                    // Grown, never shrunk or cleared: the read overwrites what is used.
                    let n = len as usize;
                    if buf.len() < n {
                        buf.resize(n, 0);
                    }
                    let b = &mut buf[..n];
                    f(read_exact_at(file, b, at).and_then(|()| text(b)))
                })
            }
        }
    }
}

#[cfg(unix)]
pub(crate) fn read_exact_at(f: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(f, buf, at)
}

#[cfg(windows)]
pub(crate) fn read_exact_at(f: &File, mut buf: &mut [u8], mut at: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(f, buf, at)? {
            0 => return Err(truncated()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

fn truncated() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "a document record read back from the temporary file is cut short",
    )
}

/// Appends unsigned LEB128 integers and length-prefixed strings to a buffer.
#[derive(Default, Debug)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u64(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub fn u32(&mut self, v: u32) {
        self.u64(u64::from(v));
    }
    pub fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Reads what a [`Writer`] wrote; reading past the end, or a value out of range, is an
/// `InvalidData` error.
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }
    pub fn u64(&mut self) -> io::Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.rest.split_first().ok_or_else(truncated)?;
            self.rest = rest;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(truncated())
    }
    pub fn u32(&mut self) -> io::Result<u32> {
        u32::try_from(self.u64()?).map_err(|_| truncated())
    }
    pub fn u16(&mut self) -> io::Result<u16> {
        u16::try_from(self.u64()?).map_err(|_| truncated())
    }
    pub fn usize(&mut self) -> io::Result<usize> {
        usize::try_from(self.u64()?).map_err(|_| truncated())
    }
    pub fn str(&mut self) -> io::Result<&'a str> {
        let n = self.usize()?;
        if n > self.rest.len() {
            return Err(truncated());
        }
        let (s, rest) = self.rest.split_at(n);
        self.rest = rest;
        // (`simdutf8` accepts exactly what `std::str::from_utf8` accepts, faster on Chinese.)
        simdutf8::basic::from_utf8(s).map_err(|_| truncated())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(mut records: Records) {
        let mut w = Writer::default();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.u64(v);
        }
        w.str("董事长");
        w.str("");
        let a = records.append(b"skip").expect("append");
        let b = records.append(&w.buf).expect("append");
        assert_eq!(a, (0, 4));
        let mut r = records.into_reader().expect("reader");
        let mut buf = Vec::new();
        r.read(b, &mut buf).expect("read");
        let mut rd = Reader::new(&buf);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(rd.u64().expect("u64"), v);
        }
        assert_eq!(rd.str().expect("str"), "董事长");
        assert_eq!(rd.str().expect("str"), "");
        // Past the end: an error, not a panic.
        assert!(rd.u64().is_err());
        assert!(r.read((b.0, b.1 + 1), &mut buf).is_err());
        // A string read in place, without moving the reader (issue 8); a cut character or a
        // span past the end is an error.
        let name = "董事长".as_bytes();
        let at = w
            .buf
            .windows(name.len())
            .position(|x| x == name)
            .expect("written");
        let at = b.0 + at as u64;
        let text_at = |at: u64, len: u32| r.with_text_at(at, len, |t| t.map(str::to_string));
        assert_eq!(text_at(at, 9).expect("text"), "董事长");
        assert!(text_at(at + 1, 3).is_err());
        assert!(text_at(b.0 + u64::from(b.1), 1).is_err());
        r.read(a, &mut buf).expect("read");
        assert_eq!(buf, b"skip");
    }

    #[test]
    fn parts_round_trip_in_memory_and_on_disk() {
        round_trip(Records::in_memory());
        round_trip(Records::on_disk().expect("temporary file"));
    }

    #[test]
    fn bad_bytes_are_errors() {
        // A string longer than what is left, a varint that never ends, a u32 too large.
        let mut w = Writer::default();
        w.u64(10);
        w.buf.extend_from_slice(b"abc");
        assert!(Reader::new(&w.buf).str().is_err());
        assert!(Reader::new(&[0xff; 11]).u64().is_err());
        let mut w = Writer::default();
        w.u64(u64::from(u32::MAX) + 1);
        assert!(Reader::new(&w.buf).u32().is_err());
        // Invalid UTF-8.
        assert!(Reader::new(&[2, 0xff, 0xfe]).str().is_err());
    }
}
