//! DrawingML text: paragraphs with exact line spacing, bullets and numbering, and runs with
//! bold, italic, code, strike-through and hyperlinks (collected as slide relationships).

use super::xml::{esc, push_esc, put};
use crate::backends::slides::deck::{Deck, Link, Marker, Run, Target};
use crate::backends::slides::layout::{line_height, Rect, EMU_PER_POINT, PARAGRAPH_SPACE};
use crate::layout::rtl_paragraph;

/// The relationship id of the first hyperlink of a slide (rId1 is the layout, rId2 the notes).
const FIRST_LINK: usize = 3;
/// The face of code.
pub const MONO_FONT: &str = "DejaVu Sans Mono";

/// Points to EMU.
pub fn emu(points: f32) -> i64 {
    (points * EMU_PER_POINT).round() as i64
}

/// The position and size of a shape, in EMU.
pub fn xfrm(rect: Rect) -> String {
    format!(
        "<a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
        emu(rect.x),
        emu(rect.y),
        emu(rect.w),
        emu(rect.h)
    )
}

/// The hyperlinks of one slide, in order of first use, resolved from `deck`.
#[derive(Debug)]
pub struct Links<'a> {
    deck: &'a Deck,
    targets: Vec<Target>,
}

impl<'a> Links<'a> {
    pub fn new(deck: &'a Deck) -> Self {
        Links { deck, targets: Vec::new() }
    }

    /// The `lang` attribute of the deck's runs: its language, which PowerPoint checks the
    /// spelling in and a screen reader speaks; none when nobody said (PowerPoint then takes its
    /// own editing language).
    fn lang(&self) -> String {
        self.deck.lang.as_deref().map(|lang| format!(" lang=\"{}\"", esc(lang))).unwrap_or_default()
    }

    /// The relationship id for `link` and whether it jumps to a slide; `None` for a link to
    /// what the deck does not show.
    pub fn id(&mut self, link: &Link) -> Option<(String, bool)> {
        let target = match self.deck.link_target(link, "pptx")? {
            Target::Url(url) => Target::Url(uri(&url)),
            slide => slide,
        };
        let jump = matches!(target, Target::Slide(_));
        let index = match self.targets.iter().position(|t| *t == target) {
            Some(i) => i,
            None => {
                self.targets.push(target);
                self.targets.len() - 1
            }
        };
        Some((format!("rId{}", FIRST_LINK + index), jump))
    }

    /// `(id, relationship type, target)` for each link: external hyperlinks, and slides of
    /// this deck (relative to `ppt/slides/`).
    pub fn relationships(&self) -> impl Iterator<Item = (String, &'static str, String)> + '_ {
        self.targets.iter().enumerate().map(|(i, target)| {
            let id = format!("rId{}", FIRST_LINK + i);
            match target {
                Target::Url(url) => (id, "hyperlink", url.clone()),
                Target::Slide(n) => (id, "slide", format!("slide{n}.xml")),
            }
        })
    }
}

/// `url` with the characters a URI may not hold percent-encoded, so that Office accepts it as
/// a relationship target.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}') {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// How a paragraph is set.
#[derive(Debug, Clone, Copy)]
pub struct Style<'a> {
    pub size: f32,
    pub bold: bool,
    /// RGB hex, or `None` for the theme's text colour.
    pub color: Option<&'a str>,
    pub marker: Option<Marker>,
    /// Left margin in points; the bullet hangs in it.
    pub indent: f32,
    /// `l`, `ctr` or `r`.
    pub align: &'a str,
    pub space_before: bool,
}

impl Style<'_> {
    pub fn plain(size: f32) -> Style<'static> {
        Style { size, bold: false, color: None, marker: None, indent: 0.0, align: "l", space_before: true }
    }
}

/// What a deck's slides share: the RGB hex of sub-headings and the syntect theme of code.
#[derive(Debug, Clone, Copy)]
pub struct Look<'a> {
    pub accent: &'a str,
    pub code_theme: &'static str,
}

/// Appends one `a:p` with `runs` in `style`.
pub fn paragraph(out: &mut String, runs: &[Run], style: Style, links: &mut Links) {
    let line = (line_height(style.size) * 100.0).round() as i64;
    let hang = if style.marker.is_some() { style.indent.min(24.0) } else { 0.0 };
    // A right-to-left paragraph (its first strong character) is marked so, and set from the
    // right; every other says it is left to right, as LibreOffice otherwise carries the
    // direction of a paragraph over to the next ones.
    let rtl = rtl_paragraph(runs.iter().map(|r| r.text.as_str()));
    let (align, rtl) = match (rtl, style.align) {
        (true, "l") => ("r", "1"),
        (true, align) => (align, "1"),
        (false, align) => (align, "0"),
    };
    let (indent, hang) = (emu(style.indent), -emu(hang));
    let before = if style.space_before { (PARAGRAPH_SPACE * 100.0) as i64 } else { 0 };
    put(
        out,
        format_args!(
            "<a:p><a:pPr marL=\"{indent}\" indent=\"{hang}\" algn=\"{align}\" rtl=\"{rtl}\">\
             <a:lnSpc><a:spcPts val=\"{line}\"/></a:lnSpc><a:spcBef><a:spcPts val=\"{before}\"/></a:spcBef>"
        ),
    );
    match style.marker {
        None => out.push_str("<a:buNone/>"),
        Some(Marker::Bullet) => out.push_str(
            "<a:buClr><a:schemeClr val=\"accent1\"/></a:buClr><a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>",
        ),
        Some(Marker::Number(n)) => put(
            out,
            format_args!(
                "<a:buClr><a:schemeClr val=\"accent1\"/></a:buClr><a:buFont typeface=\"+mj-lt\"/>\
                 <a:buAutoNum type=\"arabicPeriod\" startAt=\"{}\"/>",
                n.clamp(1, 32767)
            ),
        ),
    }
    out.push_str("</a:pPr>");
    let lang = links.lang();
    for run in runs {
        push_run(out, run, style, (links, &lang));
    }
    put(out, format_args!("<a:endParaRPr{lang} sz=\"{}\" dirty=\"0\"/></a:p>", size(style.size)));
}

fn size(points: f32) -> i64 {
    (points * 100.0).round() as i64
}

fn push_run(out: &mut String, run: &Run, style: Style, (links, lang): (&mut Links, &str)) {
    let mut props = String::with_capacity(96);
    put(&mut props, format_args!("<a:rPr{lang} sz=\"{}\"", size(style.size)));
    if run.bold || style.bold {
        props.push_str(" b=\"1\"");
    }
    if run.italic {
        props.push_str(" i=\"1\"");
    }
    if run.strike {
        props.push_str(" strike=\"sngStrike\"");
    }
    props.push_str(" dirty=\"0\">");
    if let Some([r, g, b]) = run.color {
        put(&mut props, format_args!("<a:solidFill><a:srgbClr val=\"{r:02X}{g:02X}{b:02X}\"/></a:solidFill>"));
    } else if let Some(color) = style.color {
        put(&mut props, format_args!("<a:solidFill><a:srgbClr val=\"{color}\"/></a:solidFill>"));
    }
    if run.code {
        put(&mut props, format_args!("<a:latin typeface=\"{MONO_FONT}\"/><a:cs typeface=\"{MONO_FONT}\"/>"));
    }
    match run.link.as_ref().and_then(|link| links.id(link)) {
        Some((id, true)) => {
            put(&mut props, format_args!("<a:hlinkClick r:id=\"{id}\" action=\"ppaction://hlinksldjump\"/>"))
        }
        Some((id, false)) => put(&mut props, format_args!("<a:hlinkClick r:id=\"{id}\"/>")),
        None => {}
    }
    props.push_str("</a:rPr>");
    // A line end in a run is a line break of the paragraph, between runs of the same look.
    for (i, piece) in run.text.split('\n').enumerate() {
        if i > 0 {
            put(out, format_args!("<a:br><a:rPr{lang} sz=\"{}\" dirty=\"0\"/></a:br>", size(style.size)));
        }
        if !piece.is_empty() || run.text.is_empty() {
            out.push_str("<a:r>");
            out.push_str(&props);
            out.push_str("<a:t>");
            push_esc(out, piece);
            out.push_str("</a:t></a:r>");
        }
    }
}
