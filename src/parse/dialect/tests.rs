//! The dialect layer's cases: each dialect's callouts, template tags, notes, and code left alone.

use super::*;

static NO_DATA: std::sync::LazyLock<SiteData> = std::sync::LazyLock::new(SiteData::default);

fn cut(body: &str) -> (Vec<Segment>, Vec<DialectWarning>) {
    segment(body, 1, Some(TemplateValues { page_title: "VP", site_title: "Ladder", data: &NO_DATA }))
}

#[test]
fn retype_callout_becomes_a_segment() {
    let (segments, warnings) = cut("Intro\n\n!!!warning Mind the gap\nBody **text**\n!!!\n\nAfter\n");
    assert!(warnings.is_empty());
    assert_eq!(segments.len(), 3);
    let Segment::Callout { kind, title, line, body } = &segments[1] else { panic!("{segments:?}") };
    assert_eq!((*kind, title.as_deref(), *line), (CalloutKind::Warning, Some("Mind the gap"), 3));
    assert_eq!(body, &vec![Segment::Markdown { text: "Body **text**\n".into(), first_line: 4 }]);
    assert_eq!(segments[2], Segment::Markdown { text: "\nAfter\n".into(), first_line: 6 });
}

#[test]
fn hugo_callout_and_cards() {
    let body = "{{< callout type=\"warning\" >}}\nCareful.\n{{< /callout >}}\n{{< cards >}}\n{{< card link=\"engineer\" title=\"2. Engineer\" >}}\n{{< /cards >}}\n";
    let (segments, warnings) = cut(body);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(matches!(&segments[0], Segment::Callout { kind: CalloutKind::Warning, .. }));
    let Segment::Markdown { text, first_line } = &segments[1] else { panic!() };
    assert_eq!(*first_line, 4);
    assert_eq!(text, "\n- [2. Engineer](engineer)\n\n");
}

#[test]
fn a_shortcode_naming_a_link_and_its_text_is_a_link() {
    let body = "{{< hextra/hero-button text=\"Explore\" link=\"docs\" >}}\n{{< button href='/x?a&b' title='<Go>' >}}\n{{< badge text=\"new\" >}}\n";
    let (segments, warnings) = cut(body);
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    assert_eq!(text, "<a href=\"docs\">Explore</a>\n<a href=\"/x?a&amp;b\">&lt;Go&gt;</a>\nnew\n");
    assert_eq!(warnings.len(), 1, "a shortcode without a link is reported: {warnings:?}");
    assert!(warnings[0].message.contains("`badge` is not supported; its text is kept"), "{warnings:?}");
}

#[test]
fn hugo_refs_figures_and_the_words_of_unknown_shortcodes_are_kept() {
    let body = "See [the VP]({{< ref \"roles/vp.md\" >}}) and [the CTO]({{< relref path=\"/roles/cto\" >}}).\n\
                {{< figure src=\"/img/ladder.png\" caption=\"The ladder & its rungs\" >}}\n\
                {{< hextra/feature-card title=\"Fast\" subtitle=\"Builds <1 s\" icon=\"bolt\" >}}\n\
                {{< youtube id=\"x\" >}}\n{{< ref >}}\n";
    let (segments, warnings) = cut(body);
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "See [the VP](roles/vp.md) and [the CTO](/roles/cto).");
    assert_eq!(
        lines[1],
        "<figure><img src=\"/img/ladder.png\" alt=\"The ladder &amp; its rungs\">\
         <figcaption>The ladder &amp; its rungs</figcaption></figure>"
    );
    assert_eq!(lines[2], "<strong>Fast</strong> Builds &lt;1 s");
    assert_eq!((lines[3], lines[4]), ("", ""));
    let messages: Vec<(u32, &str)> = warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
    assert_eq!(
        messages,
        [
            (3, "shortcode `hextra/feature-card` is not supported; its text is kept"),
            (4, "shortcode `youtube` is not supported; its tag is removed, what it encloses kept"),
            (5, "`ref` shortcode without a path; removed"),
        ]
    );
}

#[test]
fn tabs_are_shown_each_under_its_name() {
    let body = "{{< tabs items=\"JSON, YAML\" >}}\n{{< tab >}}\nIn JSON.\n{{< /tab >}}\n{{< tab >}}\nIn YAML.\n{{< /tab >}}\n{{< /tabs >}}\n\n\
                {{< tabs >}}\n{{% tab name=\"Go\" %}}\nIn Go.\n{{% /tab %}}\n{{< /tabs >}}\n";
    let (segments, warnings) = cut(body);
    assert!(warnings.is_empty(), "{warnings:?}");
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    let shown: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        shown,
        [
            "<strong>JSON</strong><br>",
            "In JSON.",
            "<strong>YAML</strong><br>",
            "In YAML.",
            "<strong>Go</strong><br>",
            "In Go."
        ]
    );
}

#[test]
fn a_hugo_highlight_is_a_fenced_code_block() {
    let (segments, warnings) = cut("{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    assert_eq!(text, "```go\nfunc main() {}\n```\n");
}

#[test]
fn liquid_tags_are_resolved_or_removed_with_a_warning() {
    let (segments, warnings) = cut("# {{page.title}} of {{ site.title }}\n{% include nav.html %}x\n`{{kept}}`\n");
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    assert_eq!(text, "# VP of Ladder\nx\n`{{kept}}`\n");
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].line, warnings[0].column), (2, 1));
}

#[test]
fn tags_in_comments_and_closing_tags_are_not_reported() {
    let (_, warnings) = cut("<!-- {{< hero >}}\n{{ x }} -->\n{{< box >}}\n{{< /box >}}\n");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, 3);
}

#[test]
fn fenced_code_is_left_alone() {
    let (segments, warnings) = cut("```\n!!!warning\n{{ x }}\n```\n");
    assert!(warnings.is_empty());
    assert_eq!(segments.len(), 1);
}

#[test]
fn tags_in_code_of_every_kind_are_kept() {
    let body = "a\n\n    helm: {{ .Values.name }}\n\n> ```\n> run: echo ${{ secrets.TOKEN }}\n> ```\n\n- item\n\n  ```yaml\n  x: {% raw %}\n  ```\n\n``a {{ b }} ` c`` and {{ gone }}\n";
    let (segments, warnings) = cut(body);
    let Segment::Markdown { text, .. } = &segments[0] else { panic!() };
    assert_eq!(text, &body.replace(" and {{ gone }}", " and "));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!((warnings[0].line, warnings[0].column), (15, 23));
}

#[test]
fn without_a_templating_dialect_tags_are_text() {
    let body = "# {{ page.title }}\n{{< callout >}}\n{% include x %}\n!!!tip\nHi\n!!!\n";
    let (segments, warnings) = segment(body, 1, None);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(segments[0], Segment::Markdown { text: body[..51].into(), first_line: 1 });
    assert!(matches!(&segments[1], Segment::Callout { kind: CalloutKind::Tip, .. }), "Retype boxes stay");
}

#[test]
fn an_unclosed_callout_is_closed_with_a_warning() {
    let (segments, warnings) = cut("!!!tip\nHello\n");
    assert_eq!(warnings.len(), 1);
    assert!(matches!(&segments[0], Segment::Callout { kind: CalloutKind::Tip, title: None, .. }));
}

#[test]
fn a_notes_block_becomes_a_notes_comment_on_the_same_lines() {
    let (segments, warnings) = cut("Text\n\n::: notes\nSay --> this\n:::\n\n```\n::: notes\n```\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    let expected = "Text\n\n<!-- notes:\nSay - -> this\n-->\n\n```\n::: notes\n```\n";
    assert_eq!(segments, [Segment::Markdown { text: expected.into(), first_line: 1 }]);
    let (_, warnings) = cut("::: notes\nnever closed\n");
    assert_eq!(warnings.len(), 1);
}

#[test]
fn mkdocs_admonitions_take_their_indented_body_and_nest() {
    let body = "!!! note \"Look\"\n    First **line**\n\n    ??? tip\n        Inner\n\n            code\n\nAfter\n";
    let (segments, warnings) = cut(body);
    assert!(warnings.is_empty(), "{warnings:?}");
    let Segment::Callout { kind, title, line, body } = &segments[0] else { panic!("{segments:?}") };
    assert_eq!((*kind, title.as_deref(), *line), (CalloutKind::Note, Some("Look"), 1));
    assert_eq!(body[0], Segment::Markdown { text: "First **line**\n\n".into(), first_line: 2 });
    let Segment::Callout { kind: CalloutKind::Tip, body: inner, line: 4, .. } = &body[1] else { panic!("{body:?}") };
    assert_eq!(inner[0], Segment::Markdown { text: "Inner\n\n    code\n".into(), first_line: 5 });
    assert_eq!(segments[1], Segment::Markdown { text: "\nAfter\n".into(), first_line: 8 });
}

#[test]
fn colon_containers_nest_and_other_fenced_divs_stay_text() {
    let body = "::::info Outer\n:::danger[Inner]\nDeep\n:::\nBack\n::::\n::: details\nHidden\n:::\n::: {.x}\n";
    let (segments, warnings) = cut(body);
    assert!(warnings.is_empty(), "{warnings:?}");
    let Segment::Callout { kind: CalloutKind::Info, title, body: outer, .. } = &segments[0] else { panic!() };
    assert_eq!(title.as_deref(), Some("Outer"));
    let Segment::Callout { kind: CalloutKind::Danger, title, .. } = &outer[0] else { panic!("{outer:?}") };
    assert_eq!(title.as_deref(), Some("Inner"));
    assert_eq!(outer[1], Segment::Markdown { text: "Back\n".into(), first_line: 5 });
    let Segment::Callout { kind: CalloutKind::Note, title, .. } = &segments[1] else { panic!() };
    assert_eq!(title.as_deref(), Some("Details"));
    assert_eq!(segments[2], Segment::Markdown { text: "::: {.x}\n".into(), first_line: 10 });
}

#[test]
fn an_indented_body_closed_by_bangs_is_a_retype_callout() {
    let (segments, warnings) = cut("!!! warning\n    indented\n!!!\nAfter\n");
    let [warning] = warnings.as_slice() else { panic!("{warnings:?}") };
    assert_eq!((warning.line, warning.column), (1, 1));
    assert!(warning.message.contains("read as a Retype callout closed by the `!!!` on line 3"), "{warning:?}");
    let Segment::Callout { kind: CalloutKind::Warning, body, .. } = &segments[0] else { panic!("{segments:?}") };
    assert_eq!(body[0], Segment::Markdown { text: "    indented\n".into(), first_line: 2 });
    assert_eq!(segments[1], Segment::Markdown { text: "After\n".into(), first_line: 4 });
}

#[test]
fn an_ambiguous_bangs_block_says_which_reading_was_taken() {
    let (segments, warnings) = cut("Intro\n\n!!! note\n    Body\n\nMore\n\n!!!\n");
    // (The stray `!!!` then opens a callout never closed, with a warning of its own.)
    let warning = &warnings[0];
    assert_eq!(warning.line, 3);
    assert!(warning.message.contains("read as a MkDocs Material admonition of the indented lines 4-4"), "{warning:?}");
    assert!(warning.message.contains("the `!!!` on line 8"), "{warning:?}");
    assert!(matches!(segments[1], Segment::Callout { line: 3, .. }), "{segments:?}");
    let (segments, warnings) = cut("!!! tip \"Title\"\nBody\n!!!\n");
    let [warning] = warnings.as_slice() else { panic!("{warnings:?}") };
    assert!(warning.message.contains("MkDocs Material would read an admonition with only a title"), "{warning:?}");
    assert!(matches!(&segments[0], Segment::Callout { kind: CalloutKind::Tip, .. }), "{segments:?}");
    for plain in ["!!!tip Retype\nBody\n!!!\n", "!!! note\n    Body\n\nAfter\n", "!!! note\nBody\n!!!\n"] {
        assert!(cut(plain).1.is_empty(), "{plain:?} is not ambiguous");
    }
    let in_code = "!!! note\n    Body\n\n```\n!!!\n```\n";
    assert!(cut(in_code).1.is_empty(), "a `!!!` in code closes nothing");
}

#[test]
fn a_paired_shortcode_folio_does_not_know_keeps_what_it_encloses() {
    let (segments, warnings) =
        cut("{{< hextra/hero-subtitle >}}\n  Career ladders, open sourced.\n{{< /hextra/hero-subtitle >}}\n");
    let Segment::Markdown { text, .. } = &segments[0] else { panic!("{segments:?}") };
    assert!(text.contains("Career ladders, open sourced."), "{text}");
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        ["shortcode `hextra/hero-subtitle` is not supported; its tag is removed, what it encloses kept"]
    );
}
