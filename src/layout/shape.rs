//! Shaping: text in a face to positioned glyphs with harfrust. A run is split into pieces by the
//! face that has their characters: the text's own face, else the font book's fallback for the
//! character, else U+FFFD. Right-to-left pieces keep their glyphs in logical order, each at its
//! place from the left: drawn in that order, they copy out as written. Results are cached per
//! thread across documents: a ladder repeats its words from page to page.

use super::fontbook::{self, FontBook};
use super::fonts::FontId;
use super::Glyph;
use harfrust::{Buffer, Direction, Script, ShapeOptions, ShapePlan, ShaperFont};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// The glyphs of one face within a shaped string and the text they show, in logical order;
/// positions (from the piece's left end) and widths in ems.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub font: FontId,
    pub glyphs: Vec<Glyph>,
    pub text: String,
    pub width: f32,
}

/// A shaped string: its pieces in order, total width in ems, and characters no face had.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shaped {
    pub pieces: Vec<Piece>,
    pub width: f32,
    /// The width without trailing white space: where a line ending after this text ends.
    pub ink: f32,
    pub missing: Vec<char>,
}

impl Shaped {
    /// Where the last glyph that is not white space ends, in ems.
    fn ink_width(&self) -> f32 {
        let mut end = self.width;
        for piece in self.pieces.iter().rev() {
            let start = end - piece.width;
            let mut at = piece.text.len();
            let mut next_x = piece.width;
            for glyph in piece.glyphs.iter().rev() {
                let from = at.saturating_sub(glyph.len as usize);
                let text = piece.text.get(from..at).unwrap_or_default();
                at = from;
                if !text.is_empty() && !text.chars().all(char::is_whitespace) {
                    return start + next_x;
                }
                if !text.is_empty() {
                    next_x = glyph.x;
                }
            }
            end = start;
        }
        0.0
    }
}

/// The replacement drawn for a character that no face has.
const REPLACEMENT: char = '\u{FFFD}';

/// Format characters that draw nothing (zero-width spaces and joiners, bidi marks, embeddings
/// and isolates, word joiner, BOM); left
/// out when the face has no glyph for them rather than drawn as a box.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Characters that go on with the character before them in an emoji sequence: the zero-width
/// joiner (👩‍💻), the variation selectors (❤️), the skin tones (👍🏽), the keycap (1️⃣) and the
/// tag characters of subdivision flags. They stay with the face drawing that character when it
/// has them, so that its ligature draws the sequence as one picture.
fn continues_sequence(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
}

/// The emoji presentation selector: the character before it asks to be drawn as an emoji.
const EMOJI_PRESENTATION: char = '\u{FE0F}';

/// Strings shaped and remembered by one thread, across the documents it lays out. Shaping
/// depends only on the string and the face, so sharing the cache cannot change any output.
/// 20,000 holds a ladder's words; 50,000 cost 20 MB more at the peak of 10,000 pages in all
/// formats for no speed (BENCHMARKS.md, run 15).
const CACHE_LIMIT: usize = 20_000;

thread_local! {
    static SHAPER: RefCell<Shaper> = RefCell::new(Shaper::default());
}

/// Shapes `text` in `font` (a bundled id standing for its role) with this thread's shaper and
/// the font book in use; Han falls back to a face of the CJK `variant` (of the page's
/// language) first. `rtl` sets the direction, else the script's is taken.
pub fn shape(text: &str, font: FontId, variant: Option<&'static str>, rtl: Option<bool>) -> Rc<Shaped> {
    SHAPER.with(|shaper| {
        let mut shaper = shaper.borrow_mut();
        if shaper.generation != fontbook::generation() || shaper.variant != variant {
            let (book, generation) = fontbook::current();
            *shaper = Shaper::new(book);
            (shaper.generation, shaper.variant) = (generation, variant);
        }
        shaper.shape_in(text, font, rtl)
    })
}

/// Shapes strings, remembering results (up to [`CACHE_LIMIT`], then it starts afresh).
pub struct Shaper {
    book: Arc<FontBook>,
    /// The generation of `book` (see [`fontbook::generation`]).
    generation: u64,
    /// The CJK variant fallbacks prefer; a shaper starts afresh when it changes.
    variant: Option<&'static str>,
    /// Harfrust's view of each face used, by id.
    fonts: Vec<Option<ShaperFont<'static, 'static>>>,
    /// Results by face (by id, as asked for) and direction (see [`Shaper::slot`]) and text; a
    /// fast hash, as most words are hits.
    cache: Vec<FxHashMap<String, Rc<Shaped>>>,
    cached: usize,
    /// Shaping plans by face, direction and script: building one costs more than shaping a word.
    plans: Vec<(FontId, Direction, Option<Script>, ShapePlan)>,
    /// The face for each character its text's face lacks, as the book found it.
    fallbacks: FxHashMap<char, Option<FontId>>,
    /// The emoji face for each character written with the emoji presentation selector.
    emoji: FxHashMap<char, Option<FontId>>,
}

impl Default for Shaper {
    /// A shaper with the bundled faces only, whatever fonts the machine has.
    fn default() -> Self {
        Shaper::new(Arc::new(FontBook::bundled(false)))
    }
}

impl Shaper {
    fn new(book: Arc<FontBook>) -> Self {
        Shaper {
            book,
            generation: 0,
            variant: None,
            fonts: Vec::new(),
            cache: Vec::new(),
            cached: 0,
            plans: Vec::new(),
            fallbacks: FxHashMap::default(),
            emoji: FxHashMap::default(),
        }
    }

    /// The cache of a face and direction: three a face, for its script's, left to right and
    /// right to left.
    fn slot(font: FontId, rtl: Option<bool>) -> usize {
        font.index() * 3 + rtl.map_or(0, |rtl| 1 + usize::from(rtl))
    }

    /// Shapes `text` in `font`, with fallback, in the direction `rtl` says (else its script's).
    pub fn shape_in(&mut self, text: &str, font: FontId, rtl: Option<bool>) -> Rc<Shaped> {
        let slot = Self::slot(font, rtl);
        if let Some(hit) = self.cache.get(slot).and_then(|c| c.get(text)) {
            return hit.clone();
        }
        if self.cached >= CACHE_LIMIT {
            self.cache.iter_mut().for_each(FxHashMap::clear);
            self.cached = 0;
        }
        let shaped = Rc::new(self.shape_uncached(text, font, rtl));
        if self.cache.len() <= slot {
            self.cache.resize_with(slot + 1, FxHashMap::default);
        }
        self.cache[slot].insert(text.to_string(), shaped.clone());
        self.cached += 1;
        shaped
    }

    /// The face that draws `c` where the text's face lacks it, asking the book once a character.
    fn fallback_for(&mut self, c: char) -> Option<FontId> {
        let book = &self.book;
        let variant = self.variant;
        *self.fallbacks.entry(c).or_insert_with(|| book.fallback_for(c, variant))
    }

    /// The emoji face that draws `c` followed by the emoji presentation selector, asking the
    /// book once a character.
    fn emoji_for(&mut self, c: char) -> Option<FontId> {
        let book = &self.book;
        *self.emoji.entry(c).or_insert_with(|| book.emoji_for(c))
    }

    fn shape_uncached(&mut self, text: &str, font: FontId, rtl: Option<bool>) -> Shaped {
        let font = self.book.resolve(font);
        let mut shaped = Shaped::default();
        let mut segment = String::new();
        let mut segment_font = font;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let in_sequence = !segment.is_empty() && continues_sequence(c);
            if in_sequence && segment_font != font && segment_font.face().glyph(c).is_some() {
                segment.push(c);
                continue;
            }
            let emoji = match chars.peek() {
                Some(&EMOJI_PRESENTATION) if !c.is_whitespace() => self.emoji_for(c),
                _ => None,
            };
            let (face, c) = if let Some(emoji) = emoji {
                (emoji, c)
            } else if font.face().glyph(c).is_some() {
                (font, c)
            } else if c.is_whitespace() {
                (font, ' ')
            } else if c.is_control() || is_invisible(c) {
                continue;
            } else if let Some(fallback) = self.fallback_for(c) {
                (fallback, c)
            } else {
                shaped.missing.push(c);
                (FontId::FALLBACK, REPLACEMENT)
            };
            if face != segment_font && !segment.is_empty() {
                self.push_piece(&mut shaped, &segment, (segment_font, rtl));
                segment.clear();
            }
            segment_font = face;
            segment.push(c);
        }
        if !segment.is_empty() {
            self.push_piece(&mut shaped, &segment, (segment_font, rtl));
        }
        shaped.ink = shaped.ink_width();
        shaped
    }

    fn push_piece(&mut self, shaped: &mut Shaped, text: &str, (font, rtl): (FontId, Option<bool>)) {
        let face = font.face();
        let mut buffer = Buffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        if let Some(rtl) = rtl {
            buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
        }
        let (direction, script) = (buffer.direction(), buffer.script());
        let known = self.plans.iter().position(|p| p.0 == font && p.1 == direction && p.2 == script);
        let index = known.unwrap_or_else(|| {
            let plan = ShapePlan::new(&face.font, direction, script, buffer.language(), &[]);
            self.plans.push((font, direction, script, plan));
            self.plans.len() - 1
        });
        let options = ShapeOptions::new().plan(Some(&self.plans[index].3));
        if self.fonts.len() <= font.index() {
            self.fonts.resize_with(font.index() + 1, || None);
        }
        let shaper_font = self.fonts[font.index()].get_or_insert_with(|| ShaperFont::new(&face.font));
        if harfrust::shape(shaper_font, &mut buffer, options).is_err() {
            return;
        }
        let scale = 1.0 / face.units_per_em;
        // Each glyph's cluster, id and place, left to right; right to left, put back in logical
        // order (harfrust gives a right-to-left run's glyphs from the left).
        let mut placed = Vec::with_capacity(buffer.len());
        let mut pen = 0.0;
        for (info, pos) in buffer.glyph_infos().iter().zip(buffer.glyph_positions()) {
            placed.push((info.cluster as usize, info.glyph_id as u16, pen + pos.x_offset as f32 * scale));
            pen += pos.x_advance as f32 * scale;
        }
        if direction == Direction::RightToLeft {
            placed.reverse();
        }
        let mut piece = Piece { font, glyphs: Vec::with_capacity(placed.len()), text: String::new(), width: 0.0 };
        for (i, &(start, id, x)) in placed.iter().enumerate() {
            let starts_cluster = i == 0 || placed[i - 1].0 != start;
            let cluster_text = if starts_cluster {
                let end = placed[i..].iter().map(|g| g.0).find(|&c| c > start).unwrap_or(text.len());
                text.get(start..end).unwrap_or_default()
            } else {
                ""
            };
            piece.text.push_str(cluster_text);
            piece.glyphs.push(Glyph { id, x, len: cluster_text.len() as u32 });
        }
        piece.width = pen;
        shaped.width += pen;
        shaped.pieces.push(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_replacement_and_invisible_characters() {
        let mut shaper = Shaper::default();
        let shaped = shaper.shape_in("a→b", FontId::SERIF, None);
        let fonts: Vec<FontId> = shaped.pieces.iter().map(|p| p.font).collect();
        assert_eq!(fonts, [FontId::SERIF, FontId::FALLBACK, FontId::SERIF]);
        let code = shaper.shape_in("a\u{2063}b\u{3000}c", FontId::MONO, None);
        let text: String = code.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, "ab c", "an invisible separator the face lacks is left out, a space it lacks is a space");
        let missing = shaper.shape_in("x漢", FontId::SERIF, None);
        assert_eq!(missing.missing, ['漢']);
        assert_eq!(missing.pieces[1].text, "\u{FFFD}");
        assert!(shaper.shape_in("fi", FontId::SERIF, None).width > 0.3);
    }

    #[test]
    fn ink_leaves_out_trailing_white_space_only() {
        let mut shaper = Shaper::default();
        for (text, bare) in [("Delivery  ", "Delivery"), ("a→b ", "a→b"), ("x", "x"), (" ", ""), ("漢 ", "漢")] {
            let (with, without) =
                (shaper.shape_in(text, FontId::SERIF, None), shaper.shape_in(bare, FontId::SERIF, None));
            assert!((with.ink - without.width).abs() < 1e-4, "{text:?}: {} vs {}", with.ink, without.width);
            assert!(with.width >= with.ink);
        }
    }
}
