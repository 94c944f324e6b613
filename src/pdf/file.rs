//! A PDF file written as it is made: each object goes out to the writer at once and only its
//! place is kept, so a book of tens of thousands of pages is never held in memory. Objects are
//! serialised by `pdf-writer`, one [`Chunk`] an object; this module adds the header, the
//! object streams, the cross-reference stream and the trailer around them.
//!
//! Many small dictionaries written together (a chapter's structure elements, a third of a
//! tagged guide) go into an object stream ([`PdfFile::put_all`]), so the places are kept in a
//! compressed cross-reference stream (PDF 1.5; PDF/A-2 and PDF/UA-1 allow both): that saves
//! each element's `obj`/`endobj` and its 20-byte line of the table. The object streams are not
//! compressed: that made guides a quarter smaller but cost 3 % of their time (BENCHMARKS.md,
//! run 16), and issue 15's speed bar had no room for it.

use pdf_writer::{Chunk, Filter, Name, Ref, Settings};
use std::io::{self, Write};

/// The header: version and a comment of high bytes that marks the file as binary.
const HEADER: &[u8] = b"%PDF-1.7\n%\x80\x81\x82\x83\n";

/// Where one object is: not yet written, at a byte offset, or the `index`th object of object
/// stream `stream`. Eight bytes, as a tagged book of 24,840 pages has 1.8 million objects: the
/// top bit marks a packed object, whose stream number is in bits 32–62 and index in 0–31.
#[derive(Clone, Copy, PartialEq)]
struct Place(u64);

const PACKED: u64 = 1 << 63;

impl Place {
    const UNWRITTEN: Place = Place(0);

    fn at(offset: u64) -> Place {
        Place(offset & !PACKED)
    }

    fn packed(stream: Ref, index: usize) -> Place {
        let stream = u64::try_from(stream.get()).unwrap_or(0) & 0x7fff_ffff;
        Place(PACKED | stream << 32 | (index as u64 & 0xffff_ffff))
    }

    /// The entry's type (0 free, 1 at an offset, 2 packed) and its two fields.
    fn entry(self) -> (u8, u64, u64) {
        match self.0 {
            0 => (0, 0, 1),
            p if p & PACKED != 0 => (2, (p & !PACKED) >> 32, p & 0xffff_ffff),
            offset => (1, offset, 0),
        }
    }
}

/// A PDF being written to `W`.
pub struct PdfFile<W: Write> {
    out: W,
    /// Bytes written so far.
    at: u64,
    /// The place of each object by its number less one.
    places: Vec<Place>,
}

impl<W: Write> PdfFile<W> {
    /// Starts a file: writes the header.
    pub fn new(mut out: W) -> io::Result<Self> {
        out.write_all(HEADER)?;
        Ok(PdfFile { out, at: HEADER.len() as u64, places: Vec::new() })
    }

    /// A new object number, to be written later with [`PdfFile::put`].
    pub fn alloc(&mut self) -> Ref {
        self.places.push(Place::UNWRITTEN);
        Ref::new(i32::try_from(self.places.len()).unwrap_or(i32::MAX))
    }

    /// An empty chunk to write one object into.
    pub fn chunk() -> Chunk {
        Chunk::with_settings(Settings { pretty: false })
    }

    /// Writes `chunk`, which holds the one object `id`.
    pub fn put(&mut self, id: Ref, chunk: &Chunk) -> io::Result<()> {
        self.place(id, Place::at(self.at))?;
        self.out.write_all(chunk.as_bytes())?;
        self.at += chunk.len() as u64;
        Ok(())
    }

    /// Writes `chunk`, which holds exactly the objects `objects` (dictionaries and other
    /// non-stream objects), each at its offset in the chunk, as one object stream:
    /// many small objects (a chapter's structure elements) written at once.
    pub fn put_all(&mut self, chunk: &Chunk, objects: &[(Ref, usize)]) -> io::Result<()> {
        if objects.is_empty() {
            return Ok(());
        }
        let stream = self.alloc();
        let bytes = chunk.as_bytes();
        let (mut index, mut bodies) = (Vec::with_capacity(objects.len() * 12), Vec::with_capacity(bytes.len()));
        for (n, &(id, start)) in objects.iter().enumerate() {
            let end = objects.get(n + 1).map_or(bytes.len(), |next| next.1);
            let body = bytes
                .get(start..end)
                .and_then(body_of)
                .ok_or_else(|| io::Error::other(format!("PDF object {} is not where its chunk says", id.get())))?;
            write!(index, "{} {} ", id.get(), bodies.len())?;
            bodies.extend_from_slice(body);
            bodies.push(b'\n');
            self.place(id, Place::packed(stream, n))?;
        }
        let first = index.len();
        let mut data = index;
        data.append(&mut bodies);
        let mut out = Self::chunk();
        out.stream(stream, &data)
            .pair(Name(b"Type"), Name(b"ObjStm"))
            .pair(Name(b"N"), i32::try_from(objects.len()).unwrap_or(i32::MAX))
            .pair(Name(b"First"), i32::try_from(first).unwrap_or(i32::MAX));
        self.put(stream, &out)
    }

    /// Writes one object built by `build` into a fresh chunk.
    pub fn object(&mut self, id: Ref, build: impl FnOnce(&mut Chunk)) -> io::Result<()> {
        let mut chunk = Self::chunk();
        build(&mut chunk);
        self.put(id, &chunk)
    }

    /// Records where object `id` is; an error for a number never allocated.
    fn place(&mut self, id: Ref, place: Place) -> io::Result<()> {
        let slot = usize::try_from(id.get() - 1).ok().and_then(|i| self.places.get_mut(i));
        let Some(slot) = slot else {
            return Err(io::Error::other(format!("PDF object {} was never allocated", id.get())));
        };
        *slot = place;
        Ok(())
    }

    /// Writes the cross-reference stream, whose dictionary is the trailer naming the catalog
    /// `root`, the document information `info` and the file identifier `id`; returns the
    /// writer. The entries, about seven bytes an object (13 MB for 1.8 million), are made whole
    /// and then compressed by the thread's kept compressor: a fresh one for each file cost more
    /// than all of a small file's other compression.
    pub fn finish(mut self, root: Ref, info: Ref, id: [u8; 16]) -> io::Result<W> {
        let xref = self.alloc();
        let start = self.at;
        self.place(xref, Place::at(start))?;
        let widest = |field: fn((u8, u64, u64)) -> u64| self.places.iter().map(|p| field(p.entry())).max();
        let second = bytes_for(widest(|e| e.1).unwrap_or(0));
        let third = bytes_for(widest(|e| e.2).unwrap_or(0).max(0xffff));
        let mut rows = Vec::with_capacity((self.places.len() + 1) * (1 + second + third));
        // Object 0 heads the list of free objects.
        for (kind, field2, field3) in std::iter::once((0, 0, 0xffff)).chain(self.places.iter().map(|p| p.entry())) {
            rows.write_all(&[kind])?;
            rows.write_all(&field2.to_be_bytes()[8 - second..])?;
            rows.write_all(&field3.to_be_bytes()[8 - third..])?;
        }
        let rows = super::pack::deflate(&rows);
        let size = i32::try_from(self.places.len() + 1).unwrap_or(i32::MAX);
        let mut chunk = Self::chunk();
        let mut stream = chunk.stream(xref, &rows);
        stream.filter(Filter::FlateDecode).pair(Name(b"Type"), Name(b"XRef")).pair(Name(b"Size"), size);
        stream.insert(Name(b"W")).array().items([1, second as i32, third as i32]);
        stream.pair(Name(b"Root"), root).pair(Name(b"Info"), info);
        stream.insert(Name(b"ID")).array().items([pdf_writer::Str(&id), pdf_writer::Str(&id)]);
        drop(stream);
        self.out.write_all(chunk.as_bytes())?;
        write!(self.out, "startxref\n{start}\n%%EOF\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The bytes of the one object in `serialised` ("N 0 obj … endobj"), without those words.
fn body_of(serialised: &[u8]) -> Option<&[u8]> {
    let open = serialised.windows(3).position(|w| w == b"obj")? + 3;
    let body = serialised[open..].trim_ascii();
    body.strip_suffix(b"endobj").map(<[u8]>::trim_ascii)
}

/// The bytes needed to write `value` big-endian (at least one).
fn bytes_for(value: u64) -> usize {
    (8 - value.leading_zeros() as usize / 8).max(1)
}

#[cfg(test)]
mod tests {
    use super::PdfFile;
    use lopdf::xref::XrefEntry;
    use pdf_writer::{Name, TextStr};

    /// A catalog, pages and info written one by one, and three small dictionaries written
    /// together into an object stream: lopdf finds each through the cross-reference stream.
    #[test]
    fn objects_are_found_where_the_cross_reference_stream_says() {
        let mut file = PdfFile::new(Vec::new()).unwrap();
        let (catalog, pages, info) = (file.alloc(), file.alloc(), file.alloc());
        let packed: Vec<_> = (0..3).map(|_| file.alloc()).collect();
        let unused = file.alloc();
        file.object(pages, |c| {
            c.pages(pages).count(0);
        })
        .unwrap();
        let mut chunk = PdfFile::<Vec<u8>>::chunk();
        let mut objects = Vec::new();
        for (n, &id) in packed.iter().enumerate() {
            objects.push((id, chunk.len()));
            chunk.indirect(id).dict().pair(Name(b"Number"), n as i32).pair(Name(b"Next"), pages);
        }
        file.put_all(&chunk, &objects).unwrap();
        file.object(catalog, |c| {
            c.indirect(catalog).start::<pdf_writer::writers::Catalog>().pages(pages);
        })
        .unwrap();
        file.object(info, |c| {
            c.indirect(info).start::<pdf_writer::writers::DocumentInfo>().producer(TextStr("test"));
        })
        .unwrap();
        let bytes = file.finish(catalog, info, [7; 16]).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).expect("a valid PDF");
        assert_eq!(doc.catalog().unwrap().get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
        let xref = |id: pdf_writer::Ref| doc.reference_table.get(id.get() as u32).cloned();
        let Some(XrefEntry::Normal { offset, .. }) = xref(catalog) else { panic!("the catalog has an offset") };
        assert!(bytes[offset as usize..].starts_with(format!("{} 0 obj", catalog.get()).as_bytes()));
        for (n, id) in packed.iter().enumerate() {
            let Some(XrefEntry::Compressed { index, .. }) = xref(*id) else { panic!("object {id:?} is packed") };
            assert_eq!(usize::from(index), n);
            let dict = doc.get_dictionary((id.get() as u32, 0)).expect("a packed object");
            assert_eq!(dict.get(b"Number").unwrap().as_i64().unwrap(), n as i64);
            assert_eq!(dict.get(b"Next").unwrap().as_reference().unwrap(), (pages.get() as u32, 0));
        }
        assert!(doc.get_object((unused.get() as u32, 0)).is_err(), "an unwritten object is free");
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        assert_eq!(doc.get_dictionary(info).unwrap().get(b"Producer").unwrap().as_str().unwrap(), b"test");
        assert!(!bytes.windows(5).any(|w| w == b"\nxref"), "no classic table");
        assert!(bytes.ends_with(b"%%EOF\n"));
    }
}
