//! Reports on stdout. A reader that stops early (`kgextract rules | head`) closes the pipe, and
//! `println!` panics on a closed stdout ("failed printing to stdout: Broken pipe"). So the
//! commands collect a report as text and hand it to [`print`], which treats a closed pipe as
//! the reader saying "enough" rather than as an error.

use std::io::{self, Write};

/// Write `text` to stdout; a closed pipe is not an error.
pub fn print(text: &str) -> io::Result<()> {
    write_to(&mut io::stdout().lock(), text)
}

/// Write `text` to `out` and flush; a closed pipe (`| head`) is not an error.
pub fn write_to(out: &mut dyn Write, text: &str) -> io::Result<()> {
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader has gone away.
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// A writer that fails for another reason.
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_is_not_an_error() {
        assert!(write_to(&mut Closed, "report\n").is_ok());
    }

    #[test]
    fn other_write_errors_are_reported() {
        let e = write_to(&mut Full, "report\n").unwrap_err();
        assert_eq!(e.to_string(), "disk full");
    }

    #[test]
    fn the_text_is_written_whole() {
        let mut buf = Vec::new();
        write_to(&mut buf, "一行\n两行\n").unwrap();
        assert_eq!(buf, "一行\n两行\n".as_bytes());
    }
}
