//! A PDF's document information: what the caller says of the document (title, author,
//! subject, keywords, date, language) and its `/Info` dictionary, whose words also go into the
//! file's /ID. The XMP metadata ([`super::xmp`]) repeats them.

use super::id::FileId;
use crate::civil::Civil;
use pdf_writer::writers::DocumentInfo;
use pdf_writer::{Name, Str, TextStr};

/// What the writer calls itself, in the information and the metadata.
pub const PRODUCER: &str = concat!("folio ", env!("CARGO_PKG_VERSION"));

/// Document information from the frontmatter.
#[derive(Debug, Default)]
pub struct Info {
    pub title: String,
    pub author: Option<String>,
    pub subject: Option<String>,
    pub keywords: Option<String>,
    /// Only when `SOURCE_DATE_EPOCH` is set.
    pub date: Option<Civil>,
    /// The natural language of the text (BCP 47); `en` when not given.
    pub lang: Option<String>,
}

/// Writes `info` into the `/Info` dictionary and adds its words to the file's /ID.
pub fn info_dict(mut dict: DocumentInfo, info: &Info, id: &mut FileId) {
    dict.title(TextStr(&info.title)).creator(TextStr("folio")).producer(TextStr(PRODUCER));
    id.update(info.title.as_bytes());
    let optional = [(&b"Author"[..], &info.author), (b"Subject", &info.subject), (b"Keywords", &info.keywords)];
    for (key, value) in optional {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            id.update(value.as_bytes());
            dict.pair(Name(key), TextStr(value));
        }
    }
    if let Some(date) = info.date.as_ref().map(Civil::pdf) {
        id.update(date.as_bytes());
        dict.pair(Name(b"CreationDate"), Str(date.as_bytes()));
        dict.pair(Name(b"ModDate"), Str(date.as_bytes()));
    }
}
