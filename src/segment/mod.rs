//! Stage 3 — segment: [`NormText`] → sentences and paragraphs.
//!
//! Runs on the *clean* text, after page markers and noise are gone, so a page break or a stray
//! `(` can no longer cut a sentence. Rules (details in [`sentence`] and [`paragraph`]):
//! - a sentence ends after 。！？；!? (plus any closing quotes/brackets and repeated marks
//!   right after: `好！”`, `真的？！`) and at every line break;
//! - never inside “…”, ‘…’, 《…》, 「…」, 『…』 or ASCII "…" — unless the quote runs on for more
//!   than 200 characters, which means it was never closed;
//! - `.` never ends a sentence, so 3.5 and 2024.7.21 stay whole;
//! - a paragraph is a block of lines; it ends at a blank line, after a line that ends a
//!   sentence, and around a Markdown heading (`# …`). Hard-wrapped lines that end mid-sentence
//!   stay in one paragraph.
//!
//! Ranges are byte ranges of `NormText::text` (equal in `display`), trimmed of whitespace.

pub mod paragraph;
pub mod sentence;

pub use paragraph::{Paragraph, paragraphs};
pub use sentence::{Sentence, segment};
