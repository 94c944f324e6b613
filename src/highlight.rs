//! Syntax highlighting of fenced code with syntect: the language from the fence's info string,
//! colours from a light theme darkened to read in greyscale print. The syntax and theme data
//! load once a process, and only when a block with a language is seen. Format-free: the PDF
//! layout and the PPTX each draw the coloured runs their own way.
//!
//! The first block of a language costs a few milliseconds: syntect compiles the regexes of the
//! language's rules when they are first tried. They are compiled by Oniguruma (syntect's
//! `regex-onig`, built from C by the `cc` crate): the pure-Rust fancy-regex built a full DFA for
//! every small pattern, 39 ms of CPU and 20 MB for the first `sh` block against Oniguruma's 5 ms
//! (BENCHMARKS.md, run 16). [`prepare`] starts that on a thread of its own as soon as the loader
//! reads a fence naming the language, so it runs beside the loading and layout rather than in
//! the way of the first page that needs it.

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};
use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;

/// The theme code is highlighted with unless `[pdf] code_theme` names another.
pub const DEFAULT_THEME: &str = "InspiredGitHub";

/// Code blocks longer than this stay plain: syntect's regexes take about a second a megabyte,
/// and a generated listing of many megabytes would hold the build for minutes.
pub const MAX_HIGHLIGHTED_BYTES: usize = 256 * 1024;

/// A block with a line longer than this stays plain (minified code): syntect's time on one
/// line grows faster than its length.
pub const MAX_HIGHLIGHTED_LINE: usize = 4096;

/// A colour as red, green and blue from 0 to 255.
pub type Rgb8 = [u8; 3];

/// One line of highlighted code: its text in runs of one colour.
pub type Line = Vec<(String, Rgb8)>;

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn themes() -> &'static ThemeSet {
    static THEMES: OnceLock<ThemeSet> = OnceLock::new();
    THEMES.get_or_init(ThemeSet::load_defaults)
}

/// Starts loading the syntax data and compiling the first rules of `lang` on a thread of its
/// own, once a process for each language: a block highlighted later finds them ready, or
/// waits for the compilation under way rather than doing it twice. Nothing it does changes
/// what is highlighted, only when the work is done.
pub fn prepare(lang: &str) {
    static STARTED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let lang = lang.trim();
    if lang.is_empty() {
        return;
    }
    let mut started = STARTED.lock().unwrap_or_else(|e| e.into_inner());
    if started.insert(lang.to_string()) {
        let lang = lang.to_string();
        // A thread that cannot start leaves the work to the first block, as without it.
        let _ = std::thread::Builder::new().name("folio-highlight".into()).spawn(move || {
            let _ = highlight(WARM_UP, &lang, DEFAULT_THEME);
        });
    }
}

/// A line tried in a language to compile the rules its top level tries first.
const WARM_UP: &str = "x = f(1, \"a\") # b";

/// The names of the themes `[pdf] code_theme` may name, sorted.
pub fn theme_names() -> Vec<&'static str> {
    themes().themes.keys().map(String::as_str).collect()
}

/// The theme called `name`, if there is one; the default one is known without loading any.
pub fn theme_name(name: &str) -> Option<&'static str> {
    if name == DEFAULT_THEME {
        return Some(DEFAULT_THEME);
    }
    theme_names().into_iter().find(|known| *known == name)
}

/// One line of a code block: plain, or in coloured runs.
#[derive(Debug, Clone, PartialEq)]
pub enum CodeLine {
    Plain(String),
    Coloured(Line),
}

impl CodeLine {
    /// The runs of the line with their colour (`None`: the text's own); none for an empty line.
    pub fn runs(&self) -> Box<dyn Iterator<Item = (&str, Option<Rgb8>)> + '_> {
        match self {
            CodeLine::Plain(text) if text.is_empty() => Box::new(std::iter::empty()),
            CodeLine::Plain(text) => Box::new(std::iter::once((text.as_str(), None))),
            CodeLine::Coloured(runs) => Box::new(runs.iter().map(|(text, color)| (text.as_str(), Some(*color)))),
        }
    }
}

/// The lines of a code block (split at `\n`), in coloured runs when its fence names a language
/// syntect knows, else plain.
pub fn code_lines(code: &str, lang: Option<&str>, theme: &str) -> Vec<CodeLine> {
    match lang.and_then(|lang| highlight(code, lang, theme)) {
        Some(lines) => lines.into_iter().map(CodeLine::Coloured).collect(),
        None => code.split('\n').map(|line| CodeLine::Plain(line.to_string())).collect(),
    }
}

/// The lines of `code` (split at `\n`, without it) in coloured runs, when `lang` names a
/// language syntect knows (`rust`, `rs`, `yaml`, …) and `theme` a theme; `None` otherwise, and
/// the code stays plain. So does a block past [`MAX_HIGHLIGHTED_BYTES`] or with a line past
/// [`MAX_HIGHLIGHTED_LINE`].
pub fn highlight(code: &str, lang: &str, theme: &str) -> Option<Vec<Line>> {
    let lang = lang.trim();
    let too_long = code.len() > MAX_HIGHLIGHTED_BYTES || code.split('\n').any(|l| l.len() > MAX_HIGHLIGHTED_LINE);
    if lang.is_empty() || too_long {
        return None;
    }
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang)?;
    let theme: &Theme = themes().themes.get(theme)?;
    let mut highlighter = HighlightLines::new(syntax, theme);
    let mut lines = Vec::new();
    for line in code.split('\n') {
        let with_end = format!("{line}\n");
        let ranges = highlighter.highlight_line(&with_end, set).ok()?;
        let runs = ranges.into_iter().filter_map(|(style, text)| {
            let text = text.trim_end_matches(['\n', '\r']);
            let c = style.foreground;
            (!text.is_empty()).then(|| (text.to_string(), readable([c.r, c.g, c.b])))
        });
        lines.push(runs.collect());
    }
    Some(lines)
}

/// The colour darkened, when it is light, to a luminance that still reads as text on white in
/// greyscale print (a light grey comment becomes a mid grey).
fn readable(color: Rgb8) -> Rgb8 {
    const MOST: f32 = 0.45;
    let [r, g, b] = color.map(|c| f32::from(c) / 255.0);
    let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    if luminance <= MOST {
        return color;
    }
    color.map(|c| (f32::from(c) * MOST / luminance).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_get_colours_and_unknown_ones_stay_plain() {
        let lines = highlight("fn main() {\n    let x = 1; // one\n}", "rust", DEFAULT_THEME).expect("Rust is known");
        assert_eq!(lines.len(), 3);
        let text: String = lines[1].iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(text, "    let x = 1; // one");
        let colours: std::collections::BTreeSet<Rgb8> = lines.iter().flatten().map(|(_, c)| *c).collect();
        assert!(colours.len() >= 3, "keywords, numbers and comments differ: {colours:?}");
        assert!(highlight("a: 1", "yaml", DEFAULT_THEME).is_some());
        assert!(highlight("x", "no-such-language", DEFAULT_THEME).is_none());
        assert!(highlight("x", "", DEFAULT_THEME).is_none());
        assert!(highlight("x", "rust", "No Such Theme").is_none());
    }

    #[test]
    fn preparing_a_language_on_its_thread_changes_nothing_highlighted() {
        let code = "def f(x):\n    return x + 1  # one";
        let before = highlight(code, "python", DEFAULT_THEME);
        for lang in ["python", "python", " ", "no-such-language"] {
            prepare(lang);
        }
        assert_eq!(highlight(code, "python", DEFAULT_THEME), before);
        assert!(before.is_some_and(|lines| lines[1].len() >= 3));
    }

    #[test]
    fn very_long_blocks_and_lines_stay_plain() {
        let line = "let x = 1;\n";
        let long = line.repeat(MAX_HIGHLIGHTED_BYTES / line.len() + 1);
        assert!(highlight(&long, "rust", DEFAULT_THEME).is_none());
        let wide = format!("let x = {};", "1 + ".repeat(MAX_HIGHLIGHTED_LINE / 4));
        assert!(highlight(&wide, "rust", DEFAULT_THEME).is_none());
        assert!(highlight(&line.repeat(100), "rust", DEFAULT_THEME).is_some());
    }

    #[test]
    fn light_colours_are_darkened_for_print() {
        assert_eq!(readable([0x33, 0x33, 0x33]), [0x33, 0x33, 0x33]);
        let [r, g, b] = readable([0xcc, 0xcc, 0xcc]);
        assert!(r < 0xcc && r == g && g == b);
    }
}
