//! The font book of a build: the face each role draws with (the bundled faces unless `[fonts]`
//! names families), and the face that draws a character the role's face lacks: the bundled
//! DejaVu Sans, then the `[fonts] fallback` families in order, then the faces in `[fonts]
//! paths` and the system fonts, best suited to the character's script first (for a pictograph
//! DejaVu Sans has, such as 😀, an emoji face of those comes before it). Only the list of
//! faces is read up front; a face's data is read when a page first uses it, and the system
//! fonts are listed only when a character needs them.

use super::fonts::{register, FaceFile, FontId};
use super::script;
use crate::config::FontsConfig;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// Which faces draw what in one build.
pub struct FontBook {
    /// The face each bundled id stands for: the configured body, heading and mono families.
    roles: [FontId; 10],
    /// The `[fonts] fallback` faces, in order.
    fallback: Vec<Listed>,
    /// Every face in `[fonts] paths`, tried after them, best suited to the character first.
    in_paths: Vec<Listed>,
    /// The system fonts, listed when a character first needs them; `None` when they are off.
    system: Option<OnceLock<Faces>>,
    /// The face found for each character that needed a fallback (and the CJK variant asked
    /// for), shared by every thread.
    found: Mutex<Found>,
}

/// The face found for a character and a CJK variant (or [`EMOJI`] for the emoji face asked
/// for by the emoji presentation selector); `None` when no font has the character.
type Found = FxHashMap<(char, Option<&'static str>), Option<FontId>>;

/// The key of [`Found`] for a character's emoji face, beside the CJK variants.
const EMOJI: &str = "emoji";

/// A font database and its faces in a fixed order.
struct Faces {
    db: fontdb::Database,
    listed: Vec<Listed>,
}

/// A face of a font database: its file, PostScript name, first family, and how regular it is.
#[derive(Debug, Clone)]
struct Listed {
    id: fontdb::ID,
    file: FaceFile,
    name: String,
    family: String,
    /// 0 for an upright face of normal weight, more the further from it.
    oddness: u32,
}

impl FontBook {
    /// The bundled faces and nothing else when `system` is false.
    pub fn bundled(system: bool) -> FontBook {
        FontBook {
            roles: FontId::BUNDLED,
            fallback: Vec::new(),
            in_paths: Vec::new(),
            system: system.then(OnceLock::new),
            found: Mutex::default(),
        }
    }

    /// The book `[fonts]` describes. An error names the key and what is wrong: a path that is
    /// not there, a family no font has.
    pub fn new(config: &FontsConfig) -> Result<FontBook, (&'static str, String)> {
        if let Some(missing) = config.paths.iter().find(|p| !p.exists()) {
            return Err(("paths", format!("no such file or folder {}", missing.display())));
        }
        let mut book = FontBook::bundled(config.system());
        let from_paths = list_paths(config)?.listed;
        let mut named = config.body.iter().chain(&config.heading).chain(&config.mono).chain(&config.fallback);
        let mut listed = from_paths.clone();
        if config.system() && named.any(|name| styles(&from_paths, name)[0].is_none()) {
            listed.extend(book.system_faces().map(|f| f.listed.iter().cloned()).into_iter().flatten());
        }
        let family = |key: &'static str, name: &str| match styles(&listed, name) {
            faces @ [Some(_), ..] => Ok(faces),
            _ => Err((key, format!("no font of the family `{name}` in [fonts] paths{}", system_note(config)))),
        };
        let sans = [FontId::SANS, FontId::SANS_BOLD, FontId::SANS_ITALIC, FontId::SANS_BOLD_ITALIC];
        let roles: [(&str, &Option<String>, &[FontId]); 3] = [
            ("body", &config.body, &FontId::BUNDLED[0..4]),
            ("heading", &config.heading, &sans),
            ("mono", &config.mono, &[FontId::MONO]),
        ];
        for (key, name, ids) in roles {
            let Some(name) = name else { continue };
            let faces = family(key, name)?;
            for (&id, face) in ids.iter().zip(faces) {
                let face = face.or(faces[0]).expect("the regular face was found");
                let loaded = register(&face.file, &face.name);
                book.roles[id.index()] =
                    loaded.ok_or_else(|| (key, format!("cannot read {}", face.file.path.display())))?;
            }
        }
        for name in &config.fallback {
            book.fallback.extend(family("fallback", name)?[0].cloned());
        }
        book.in_paths = from_paths;
        Ok(book)
    }

    /// The face a bundled id stands for in this book; other ids stand for themselves.
    pub fn resolve(&self, font: FontId) -> FontId {
        self.roles.get(font.index()).copied().unwrap_or(font)
    }

    /// The face that draws `c`, which the text's own face lacks, preferring the CJK `variant`
    /// of the text's language; `None` when no font has it. DejaVu Sans draws the emoticons
    /// in black, and Hebrew and Arabic in forms that sit badly beside other faces: an emoji
    /// font (in colour) or a face made for the script draws them, where there is one.
    pub fn fallback_for(&self, c: char, variant: Option<&'static str>) -> Option<FontId> {
        let bundled = FontId::FALLBACK.face().glyph(c).is_some();
        if bundled && !is_pictograph(c) && !script::prefers_own_face(c) {
            return Some(FontId::FALLBACK);
        }
        if let Some(&known) = self.found.lock().unwrap_or_else(|e| e.into_inner()).get(&(c, variant)) {
            return known;
        }
        // An emoticon, or a Hebrew or Arabic letter, which the bundled fallback has too, takes a
        // face made for it (an emoji face, one made for the script) when there is one.
        let found = match bundled {
            true => self.search(c, script::hint_in(c, variant), true).or(Some(FontId::FALLBACK)),
            false => self.search(c, script::hint_in(c, variant), false),
        };
        self.found.lock().unwrap_or_else(|e| e.into_inner()).insert((c, variant), found);
        found
    }

    /// The emoji face that draws `c` when the emoji presentation selector follows it (❤️,
    /// ✔️, 1️⃣), whatever face the text has it in; `None` when no emoji face has it.
    pub fn emoji_for(&self, c: char) -> Option<FontId> {
        if let Some(&known) = self.found.lock().unwrap_or_else(|e| e.into_inner()).get(&(c, Some(EMOJI))) {
            return known;
        }
        let found = self.search(c, script::Hint::Emoji, true);
        self.found.lock().unwrap_or_else(|e| e.into_inner()).insert((c, Some(EMOJI)), found);
        found
    }

    /// The first face that has `c`, best suited to `hint` first; with `own_only`, only faces
    /// made for it (emoji faces for an emoji, faces of its script for a letter).
    fn search(&self, c: char, hint: script::Hint, own_only: bool) -> Option<FontId> {
        let covers = |id: &FontId| id.face().glyph(c).is_some();
        let suits = |l: &&Listed| !own_only || hint.rank(&l.family) == 0;
        let configured = self.fallback.iter().chain(ranked(&self.in_paths, hint)).filter(suits);
        if let Some(id) = configured.filter_map(|l| register(&l.file, &l.name)).find(covers) {
            return Some(id);
        }
        let system = self.system_faces()?;
        // The file of a face is mapped, not read, to look in its character map.
        let covers = |l: &&Listed| system.db.with_face_data(l.id, |data, index| has_char(data, index, c)) == Some(true);
        let best = ranked(&system.listed, hint).into_iter().filter(suits).find(covers)?;
        register(&best.file, &best.name)
    }

    /// The system fonts, listed the first time they are asked for; `None` when they are off.
    fn system_faces(&self) -> Option<&Faces> {
        let cell = self.system.as_ref()?;
        Some(cell.get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            Faces { listed: listed(&db), db }
        }))
    }
}

/// Whether `c` is a pictograph of the emoji blocks (U+1F000 to U+1FAFF), of which DejaVu Sans
/// has the emoticons, in black.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}')
}

/// Faces in the order they are tried for a character with `hint`: made for its script first,
/// then sans-serif faces (they sit best beside any text), then regular ones; `listed` is sorted
/// by name, and the sort is stable.
fn ranked(listed: &[Listed], hint: script::Hint) -> Vec<&Listed> {
    let mut candidates: Vec<&Listed> = listed.iter().collect();
    candidates.sort_by_key(|l| (hint.rank(&l.family), !l.family.contains("Sans"), l.oddness));
    candidates
}

/// The faces in the configured paths.
fn list_paths(config: &FontsConfig) -> Result<Faces, (&'static str, String)> {
    let mut db = fontdb::Database::new();
    for path in &config.paths {
        if path.is_dir() {
            db.load_fonts_dir(path);
        } else if db.load_font_file(path).is_err() {
            return Err(("paths", format!("cannot read the font {}", path.display())));
        }
    }
    Ok(Faces { listed: listed(&db), db })
}

/// Whether face `index` of the font file `data` maps `c` to a glyph.
fn has_char(data: &[u8], index: u32, c: char) -> bool {
    use read_fonts::TableProvider;
    let cmap = read_fonts::FontRef::from_index(data, index).and_then(|font| font.cmap());
    cmap.ok().and_then(|cmap| cmap.map_codepoint(c)).is_some_and(|g| g.to_u32() != 0)
}

/// The faces of a database, sorted so that nothing depends on the order of the file system.
fn listed(db: &fontdb::Database) -> Vec<Listed> {
    let mut faces: Vec<Listed> = db
        .faces()
        .filter_map(|info| {
            let path = match &info.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
                fontdb::Source::Binary(_) => return None,
            };
            let family = info.families.first().map(|(name, _)| name.clone()).unwrap_or_default();
            let slant = u32::from(info.style != fontdb::Style::Normal) * 1000;
            let oddness = slant + u32::from(info.weight.0.abs_diff(400));
            Some(Listed {
                id: info.id,
                file: FaceFile { path, index: info.index },
                name: info.post_script_name.clone(),
                family,
                oddness,
            })
        })
        .collect();
    faces.sort_by(|a, b| (&a.family, &a.name, &a.file).cmp(&(&b.family, &b.name, &b.file)));
    faces
}

/// The regular, bold, italic and bold italic faces of a family (by any of its names, any case).
fn styles<'a>(listed: &'a [Listed], family: &str) -> [Option<&'a Listed>; 4] {
    let of_family: Vec<&Listed> = listed.iter().filter(|l| l.family.eq_ignore_ascii_case(family)).collect();
    let best = |slanted: bool, weight: u32| {
        of_family.iter().copied().min_by_key(|l| {
            let slant = u32::from((l.oddness >= 1000) != slanted);
            (slant, (l.oddness % 1000).abs_diff(weight), l.name.clone())
        })
    };
    let regular = best(false, 0);
    let bold = best(false, 300).filter(|l| l.oddness % 1000 >= 200);
    let italic = best(true, 0).filter(|l| l.oddness >= 1000);
    let bold_italic = best(true, 300).filter(|l| l.oddness >= 1200);
    [regular, bold, italic, bold_italic]
}

/// How an error about a missing family continues: where else was looked.
fn system_note(config: &FontsConfig) -> &'static str {
    if config.system() {
        " or the system fonts"
    } else {
        " (system fonts are off)"
    }
}

/// The book layout uses now, and a count that changes whenever it is replaced.
static CURRENT: RwLock<Option<Arc<FontBook>>> = RwLock::new(None);
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Makes `book` the one every layout from now on uses (a build sets it before laying out).
pub fn use_book(book: FontBook) {
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(book));
    GENERATION.fetch_add(1, Ordering::SeqCst);
}

/// The book in use, and its generation. Until a build sets its own (the driver does, from
/// `[fonts]`), it is the bundled faces alone, so a layout depends on no font of the machine.
pub fn current() -> (Arc<FontBook>, u64) {
    let generation = GENERATION.load(Ordering::SeqCst);
    let mut book = CURRENT.write().unwrap_or_else(|e| e.into_inner());
    (book.get_or_insert_with(|| Arc::new(FontBook::bundled(false))).clone(), generation)
}

/// The generation of the book in use: a shaper that holds an older one takes the new one.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Relaxed)
}
