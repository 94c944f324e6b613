//! Small things of the command line a new user meets first: a missing `--config`, an unknown
//! extension for `convert`, links between converted pages, the up-to-date summary's count and
//! the man page's references.

use crate::util::{folio, stderr, tree};

#[test]
fn a_missing_config_file_is_a_usage_error_with_a_clear_line() {
    let dir = tree(&[("a.md", b"# A\n")]);
    let run = folio(dir.path(), &["--config", "nowhere.toml", "check", "."]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert_eq!(err.trim(), "error: --config nowhere.toml: no such file; give the path of a folio.toml");
}

#[test]
fn convert_to_an_unknown_extension_lists_the_accepted_ones() {
    let dir = tree(&[("a.md", b"# A\n")]);
    let run = folio(dir.path(), &["convert", "a.md", "-o", "a.odt"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.contains("`.odt`") && err.contains(".pdf, .docx, .xlsx, .pptx, .json"), "{err}");
}

/// Runs `folio convert args` in `dir`, which succeeds with one warning, of the missing page `gone`.
fn convert_warning_only_of(dir: &std::path::Path, args: &[&str], gone: &str) {
    let run = folio(dir, &[&["convert"], args].concat());
    let err = stderr(&run);
    assert!(run.status.success(), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "only the missing page is warned of: {err}");
    assert!(warnings[0].contains(gone), "{err}");
}

#[test]
fn convert_links_a_sibling_page_to_its_output_of_the_same_format() {
    let page = b"# Page\n\nSee [the other](other.md#part), and [a gone one](gone.md).\n";
    let dir = tree(&[("page.md", page), ("other.md", b"# Other\n\n## Part\n")]);
    convert_warning_only_of(dir.path(), &["page.md", "-o", "page.pdf"], "`gone.md`");
    let pdf = lopdf::Document::load(dir.path().join("page.pdf")).unwrap();
    let links = crate::pdf::link_actions(&pdf);
    assert!(links.iter().any(|(kind, file)| kind == "GoToR" && file == "other.pdf"), "{links:?}");
    let run = folio(dir.path(), &["convert", "page.md", "-o", "page.pptx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let deck = std::fs::read(dir.path().join("page.pptx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(deck)).unwrap();
    let rels: Vec<String> = (0..zip.len())
        .filter_map(|i| {
            let mut file = zip.by_index(i).ok()?;
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).ok()?;
            file.name().ok()?.ends_with(".rels").then_some(text)
        })
        .collect();
    assert!(rels.iter().any(|r| r.contains("Target=\"other.pptx\"")), "the deck links other.pptx");
}

#[test]
fn the_up_to_date_summary_counts_no_drafts() {
    let dir = tree(&[("a.md", b"# A\n"), ("b.md", b"---\ndraft: true\n---\n# B\n")]);
    let first = folio(dir.path(), &["build", ".", "-o", "out", "-f", "json"]);
    assert!(stderr(&first).contains("built: 1 documents"), "{}", stderr(&first));
    let again = folio(dir.path(), &["build", ".", "-o", "out", "-f", "json"]);
    assert!(stderr(&again).contains("up to date, nothing rendered: 1 documents"), "{}", stderr(&again));
}

#[test]
fn the_man_page_holds_every_subcommand_and_points_to_no_other_page() {
    let run = folio(&crate::util::repo(), &["man"]);
    let page = String::from_utf8(run.stdout).unwrap();
    assert!(run.status.success());
    for command in ["BUILD", "CONVERT", "CHECK", "MERGE-MANIFESTS"] {
        assert!(page.contains(&format!(".SH \"FOLIO {command}\"")), "a section for {command}");
    }
    let references: Vec<&str> = page.lines().filter(|l| l.contains("(1)")).collect();
    assert!(references.is_empty(), "{references:?}");
}

/// The remote jumps of a PDF: (file, named place) of every GoToR link.
fn remote_jumps(pdf: &lopdf::Document) -> Vec<(String, Option<String>)> {
    let text = |o: &lopdf::Object| String::from_utf8_lossy(o.as_str().unwrap()).into_owned();
    let actions =
        pdf.objects.values().filter_map(|o| o.as_dict().ok()).filter_map(|d| d.get(b"A").ok()?.as_dict().ok());
    let remote = actions.filter(|a| a.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"GoToR".as_slice()));
    let mut out: Vec<_> = remote
        .map(|a| {
            let file = text(a.get(b"F").unwrap().as_dict().unwrap().get(b"F").unwrap());
            (file, a.get(b"D").ok().filter(|d| d.as_str().is_ok()).map(text))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn convert_links_a_page_in_another_folder_to_its_output_of_the_same_format() {
    let page = b"# Page\n\nSee [the other](../b/other.md#scope), [one here](same.md) and [a gone one](../b/gone.md).\n";
    let dir = tree(&[("a/page.md", page), ("a/same.md", b"# Same\n"), ("b/other.md", b"# Other\n\n## Scope\n")]);
    convert_warning_only_of(dir.path(), &["a/page.md", "-o", "out/a/page.pdf"], "`../b/gone.md`");
    let pdf = lopdf::Document::load(dir.path().join("out/a/page.pdf")).unwrap();
    let expected = [("../b/other.pdf".to_string(), Some("other#scope".to_string())), ("same.pdf".to_string(), None)];
    assert_eq!(remote_jumps(&pdf), expected);
    // The place the link names is the one the other page's own conversion has.
    let run = folio(dir.path(), &["convert", "b/other.md", "-o", "out/b/other.pdf"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let other = std::fs::read(dir.path().join("out/b/other.pdf")).unwrap();
    assert!(other.windows(13).any(|w| w == b"(other#scope)"), "other.pdf names the place other#scope");
    let run = folio(dir.path(), &["convert", "a/page.md", "-o", "out/a/page.docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let docx = crate::ooxml::unzip(&std::fs::read(dir.path().join("out/a/page.docx")).unwrap());
    let rels = &docx["word/_rels/document.xml.rels"];
    assert!(rels.contains("Target=\"../b/other.docx#h") && rels.contains("Target=\"same.docx\""), "{rels}");
    let run = folio(dir.path(), &["convert", "b/other.md", "-o", "out/b/other.docx"]);
    assert!(run.status.success(), "{}", stderr(&run));
    let other = crate::ooxml::unzip(&std::fs::read(dir.path().join("out/b/other.docx")).unwrap());
    let mark = rels.split("../b/other.docx#").nth(1).unwrap().split('"').next().unwrap();
    assert!(other["word/document.xml"].contains(&format!("w:name=\"{mark}\"")), "other.docx has the bookmark {mark}");
}
