//! What a character's script says about fonts: which system families are made for it (for
//! choosing a fallback), what to call it and what to install when no font has it; and where a
//! word of it may be cut when it is wider than the line.

use unicode_script::{Script, UnicodeScript};

/// What a character asks of a font family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Chinese, Japanese or Korean, with the variant of a CJK family that suits it best.
    Cjk(&'static str),
    Emoji,
    Other(Script),
}

/// The CJK variant a language tag asks for: `ja` Japanese, `ko` Korean, `zh-TW`, `zh-Hant`
/// Traditional Chinese, `zh-HK` Hong Kong, other `zh` Simplified Chinese.
pub fn cjk_variant(lang: &str) -> Option<&'static str> {
    let lang = lang.to_ascii_lowercase().replace('_', "-");
    let variant = match lang.split('-').next()? {
        "ja" => "JP",
        "ko" => "KR",
        "zh" if lang.contains("hk") => "HK",
        "zh" if lang.contains("tw") || lang.contains("hant") || lang.contains("mo") => "TC",
        "zh" => "SC",
        _ => return None,
    };
    Some(variant)
}

/// The hint of a character in a text whose language asks for the CJK `variant`, if any.
pub fn hint_in(c: char, variant: Option<&'static str>) -> Hint {
    match (hint(c), variant) {
        (Hint::Cjk(_), Some(variant)) => Hint::Cjk(variant),
        (hint, _) => hint,
    }
}

/// The hint of a character.
pub fn hint(c: char) -> Hint {
    if is_emoji(c) {
        return Hint::Emoji;
    }
    match c.script() {
        Script::Hiragana | Script::Katakana => Hint::Cjk("JP"),
        Script::Hangul => Hint::Cjk("KR"),
        Script::Han | Script::Bopomofo => Hint::Cjk("SC"),
        script => Hint::Other(script),
    }
}

impl Hint {
    /// How well a family suits: 0 made for the script (the right CJK variant), 1 a CJK family
    /// of another variant, 2 any other family.
    pub fn rank(self, family: &str) -> u8 {
        match self {
            Hint::Cjk(variant) => {
                let cjk = ["CJK", "Han Sans", "Han Serif"].iter().any(|mark| family.contains(mark));
                match (cjk, family.ends_with(variant)) {
                    (true, true) => 0,
                    (true, false) => 1,
                    _ => 2,
                }
            }
            Hint::Emoji => u8::from(!family.contains("Emoji")) * 2,
            Hint::Other(script) => u8::from(!family.contains(script.full_name())) * 2,
        }
    }
}

/// The name of a character's script in a warning: "Han", "Devanagari", "emoji".
pub fn name(c: char) -> &'static str {
    match hint(c) {
        Hint::Emoji => "emoji",
        _ => match c.script() {
            Script::Common | Script::Unknown => "symbols",
            script => script.full_name(),
        },
    }
}

/// The Debian package whose fonts cover a character's script.
pub fn package(c: char) -> &'static str {
    match hint(c) {
        Hint::Cjk(_) => "fonts-noto-cjk",
        Hint::Emoji => "fonts-noto-color-emoji",
        Hint::Other(_) => "fonts-noto-core",
    }
}

/// Whether `c` is of a script drawn better by a face made for it than by the bundled fallback,
/// which has it too: Hebrew and Arabic, whose DejaVu Sans forms sit badly beside Noto.
pub fn prefers_own_face(c: char) -> bool {
    matches!(c.script(), Script::Hebrew | Script::Arabic)
}

/// Whether a word wider than the line may be cut between `a` and `b`: not inside a grapheme
/// cluster (a base and its marks, Thai `คำ`, Devanagari `हि`).
pub fn grapheme_boundary(a: char, b: char) -> bool {
    use unicode_segmentation::UnicodeSegmentation;
    [a, b].iter().collect::<String>().graphemes(true).count() == 2
}

/// Pictographs drawn as emoji.
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B50}' | '\u{2B55}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_choose_families_and_name_packages() {
        assert_eq!(hint('中').rank("Noto Sans CJK SC"), 0);
        assert_eq!(hint('日').rank("Noto Sans CJK JP"), 1);
        assert_eq!(hint('に').rank("Noto Sans CJK JP"), 0);
        assert_eq!(hint('ह').rank("Noto Sans Devanagari"), 0);
        assert_eq!(hint('ไ').rank("Noto Sans Devanagari"), 2);
        assert_eq!((name('한'), package('한')), ("Hangul", "fonts-noto-cjk"));
        assert_eq!((name('🚀'), package('🚀')), ("emoji", "fonts-noto-color-emoji"));
        assert_eq!((name('ไ'), package('ไ')), ("Thai", "fonts-noto-core"));
        assert_eq!(hint_in('中', cjk_variant("zh-TW")).rank("Noto Sans CJK TC"), 0);
        assert_eq!(hint_in('中', cjk_variant("ja")).rank("Noto Sans CJK SC"), 1);
        assert_eq!(hint_in('a', cjk_variant("ja")), hint('a'));
        assert_eq!(cjk_variant("de"), None);
    }

    #[test]
    fn cuts_fall_between_grapheme_clusters() {
        assert!(grapheme_boundary('a', 'b') && grapheme_boundary('ค', 'ภ'));
        assert!(!grapheme_boundary('ค', 'ำ') && !grapheme_boundary('ह', 'ि') && !grapheme_boundary('e', '\u{301}'));
    }
}
