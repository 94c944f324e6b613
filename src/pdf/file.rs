//! A PDF file written as it is made: each object goes out to the writer at once and only its
//! offset is kept, so a book of tens of thousands of pages is never held in memory. Objects are
//! serialised by `pdf-writer`, one [`Chunk`] an object; this module adds the header, the
//! cross-reference table and the trailer around them.

use pdf_writer::{Chunk, Ref, Settings};
use std::io::{self, Write};

/// The header: version and a comment of high bytes that marks the file as binary.
const HEADER: &[u8] = b"%PDF-1.7\n%\x80\x81\x82\x83\n";

/// A PDF being written to `W`.
pub struct PdfFile<W: Write> {
    out: W,
    /// Bytes written so far.
    at: u64,
    /// The offset of each object by its number less one; 0 (where the header is) until it is
    /// written. Eight bytes an object: a tagged book of 24,840 pages has 1.8 million objects.
    offsets: Vec<u64>,
}

impl<W: Write> PdfFile<W> {
    /// Starts a file: writes the header.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(HEADER)?;
        Ok(PdfFile { out, at: HEADER.len() as u64, offsets: Vec::new() })
    }

    /// A new object number, to be written later with [`PdfFile::put`].
    pub fn alloc(&mut self) -> Ref {
        self.offsets.push(0);
        Ref::new(i32::try_from(self.offsets.len()).unwrap_or(i32::MAX))
    }

    /// An empty chunk to write one object into.
    pub fn chunk() -> Chunk {
        Chunk::with_settings(Settings { pretty: false })
    }

    /// Writes `chunk`, which holds the one object `id`.
    pub fn put(&mut self, id: Ref, chunk: &Chunk) -> io::Result<()> {
        self.put_all(chunk, &[(id, 0)])
    }

    /// Writes `chunk`, which holds the objects `objects`, each at its offset in the chunk: many
    /// small objects (a chapter's structure elements) written at once.
    pub fn put_all(&mut self, chunk: &Chunk, objects: &[(Ref, usize)]) -> io::Result<()> {
        for &(id, start) in objects {
            let slot = usize::try_from(id.get() - 1).ok().and_then(|i| self.offsets.get_mut(i));
            let Some(slot) = slot else {
                return Err(io::Error::other(format!("PDF object {} was never allocated", id.get())));
            };
            *slot = self.at + start as u64;
        }
        self.out.write_all(chunk.as_bytes())?;
        self.at += chunk.len() as u64;
        Ok(())
    }

    /// Writes one object built by `build` into a fresh chunk.
    pub fn object(&mut self, id: Ref, build: impl FnOnce(&mut Chunk)) -> io::Result<()> {
        let mut chunk = Self::chunk();
        build(&mut chunk);
        self.put(id, &chunk)
    }

    /// Writes the cross-reference table and the trailer naming the catalog `root`, the document
    /// information `info` and the file identifier `id`; returns the writer. The table goes out
    /// in pieces of 64 KB rather than whole (36 MB for 1.8 million objects).
    pub fn finish(mut self, root: Ref, info: Ref, id: [u8; 16]) -> io::Result<W> {
        let start = self.at;
        let mut table = Vec::with_capacity(1 << 16);
        write!(table, "xref\n0 {}\n0000000000 65535 f\r\n", self.offsets.len() + 1)?;
        for &offset in &self.offsets {
            match offset {
                // Allocated but never written: a free entry.
                0 => table.extend_from_slice(b"0000000000 00001 f\r\n"),
                offset => write!(table, "{offset:010} 00000 n\r\n")?,
            }
            if table.len() + 20 > table.capacity() {
                self.out.write_all(&table)?;
                table.clear();
            }
        }
        let hex: String = id.iter().map(|b| format!("{b:02X}")).collect();
        write!(
            table,
            "trailer\n<< /Size {} /Root {} 0 R /Info {} 0 R /ID [<{hex}> <{hex}>] >>\nstartxref\n{start}\n%%EOF\n",
            self.offsets.len() + 1,
            root.get(),
            info.get(),
        )?;
        self.out.write_all(&table)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::PdfFile;

    #[test]
    fn objects_are_found_at_their_offsets() {
        let mut file = PdfFile::new(Vec::new()).unwrap();
        let (catalog, pages, info) = (file.alloc(), file.alloc(), file.alloc());
        file.object(pages, |c| {
            c.pages(pages).count(0);
        })
        .unwrap();
        file.object(catalog, |c| {
            c.indirect(catalog).start::<pdf_writer::writers::Catalog>().pages(pages);
        })
        .unwrap();
        file.object(info, |c| {
            c.indirect(info).start::<pdf_writer::writers::DocumentInfo>().producer(pdf_writer::TextStr("test"));
        })
        .unwrap();
        let bytes = file.finish(catalog, info, [7; 16]).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).expect("a valid PDF");
        let root = doc.catalog().unwrap();
        assert_eq!(root.get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
        let text = String::from_utf8_lossy(&bytes);
        let xref = text.find("xref\n").unwrap();
        for (n, line) in text[xref..].lines().skip(3).take(3).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(bytes[offset..].starts_with(format!("{} 0 obj", n + 1).as_bytes()), "{line}");
        }
    }
}
