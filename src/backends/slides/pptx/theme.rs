//! The theme part: colours (the accent from `[slides]`), the heading and body fonts (Latin,
//! East Asian and complex-script, from `[slides]` and `[fonts]`), and the
//! minimal format scheme Office requires.

use super::xml::{esc, DECLARATION};
use crate::backends::slides::config::SlidesConfig;

/// `ppt/theme/themeN.xml` for `config`.
pub fn theme(config: &SlidesConfig) -> String {
    let accent = config.accent.to_string();
    let colors = [
        ("dk1", "1F2328"),
        ("lt1", "FFFFFF"),
        ("dk2", "2B3A4A"),
        ("lt2", "EEF2F7"),
        ("accent1", accent.as_str()),
        ("accent2", "E07A1F"),
        ("accent3", "3A9D5D"),
        ("accent4", "8E5BB5"),
        ("accent5", "C8463D"),
        ("accent6", "2A9BB0"),
        ("hlink", "0B62C4"),
        ("folHlink", "7A4C9E"),
    ];
    let mut out = format!(
        "{DECLARATION}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"folio\">\
         <a:themeElements><a:clrScheme name=\"folio\">"
    );
    for (name, rgb) in colors {
        out.push_str(&format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>"));
    }
    out.push_str("</a:clrScheme><a:fontScheme name=\"folio\">");
    for (element, face) in [("majorFont", &config.heading_font), ("minorFont", &config.font)] {
        out.push_str(&format!(
            "<a:{element}><a:latin typeface=\"{}\"/><a:ea typeface=\"{}\"/><a:cs typeface=\"{}\"/></a:{element}>",
            esc(face),
            esc(&config.east_asian_font),
            esc(&config.complex_script_font)
        ));
    }
    out.push_str("</a:fontScheme><a:fmtScheme name=\"folio\"><a:fillStyleLst>");
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    out.push_str(&solid.repeat(3));
    out.push_str("</a:fillStyleLst><a:lnStyleLst>");
    for width in [6350, 12700, 19050] {
        out.push_str(&format!("<a:ln w=\"{width}\">{solid}</a:ln>"));
    }
    out.push_str("</a:lnStyleLst><a:effectStyleLst>");
    out.push_str(&"<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3));
    out.push_str("</a:effectStyleLst><a:bgFillStyleLst>");
    out.push_str(&solid.repeat(3));
    out.push_str(
        "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
    );
    out
}
