//! Limits that degrade a page, not the build: a table or a cell past Excel's limits, a broken
//! or huge image, a file name that is not UTF-8, oversized inputs. Each case checks the exit
//! code, the warning at its file:line, and that the good pages still built.

use crate::pdf::{page_text, png};
use crate::util::{folio, stderr, tree};
use calamine::{open_workbook, Data, Reader, Xlsx};
use std::io::Read;
use std::path::Path;

const GOOD: (&str, &[u8]) = ("good.md", b"# Good\n\n| Skill | Level |\n|---|---|\n| Rust | 3 |\n");

/// The first sheet of the workbook at `path`.
fn first_sheet(path: &Path) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).expect("a workbook");
    book.worksheet_range_at(0).expect("a sheet").expect("readable")
}

/// The text of the cell notes of the workbook at `path`.
fn notes(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name("xl/comments1.xml").expect("a notes part").read_to_string(&mut text).unwrap();
    text
}

#[test]
fn tables_and_cells_past_excels_limits_are_cut_with_a_warning_not_the_build() {
    let columns = 17_000;
    let wide = format!(
        "# Wide\n\n|{}|\n|{}|\n|{}|\n",
        (0..columns).map(|c| format!("h{c}")).collect::<Vec<_>>().join("|"),
        vec!["-"; columns].join("|"),
        (0..columns).map(|c| c.to_string()).collect::<Vec<_>>().join("|"),
    );
    let long = format!("# Long\n\nIntro.\n\n| a | b |\n|---|---|\n| x | {}END |\n", "y".repeat(40_000));
    let dir = tree(&[("wide.md", wide.as_bytes()), ("long.md", long.as_bytes()), GOOD]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "xlsx"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "wide.md:3: the table is cut to fit its sheet: columns 16385 to 17000 are left out (Excel holds 16384)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "long.md:5: a cell (row 1, column 2) of 40003 characters, more than the 32,767 Excel holds: \
             the cell holds the first 32767 and its note the next 7236"
        ),
        "{err}"
    );
    let out = dir.path().join("out");
    for built in ["manifest.json", "xlsx/good.xlsx"] {
        assert!(out.join(built).is_file(), "{built} was built");
    }
    let site = std::fs::read_dir(&out).unwrap().flatten().find(|e| e.file_name().to_string_lossy().ends_with(".xlsx"));
    assert!(site.is_some(), "the site workbook was built");
    let sheet = first_sheet(&out.join("xlsx/wide.xlsx"));
    assert_eq!(sheet.width(), 16_384);
    assert_eq!(sheet.get((1, 16_383)), Some(&Data::Float(16_383.0)));
    let cell = first_sheet(&out.join("xlsx/long.xlsx")).get((1, 1)).cloned();
    assert!(matches!(&cell, Some(Data::String(s)) if s.len() == 32_767 && s.ends_with('y')), "{cell:?}");
    assert!(notes(&out.join("xlsx/long.xlsx")).contains("yyyyEND</t>"), "the rest is in the note");
}

/// The row limit end to end (the cut itself is tested in `backends::xlsx::source`): about 80 s
/// in a debug build, so run on demand with `cargo test -- --ignored`.
#[test]
#[ignore]
fn a_table_of_more_rows_than_a_sheet_holds_is_cut_and_the_build_goes_on() {
    let rows: String = (0..1_048_600).map(|r| format!("| {r} |\n")).collect();
    let tall = format!("# Tall\n\n| n |\n|---|\n{rows}");
    let dir = tree(&[("tall.md", tall.as_bytes()), GOOD]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "xlsx"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    assert!(
        err.contains("tall.md:3: the table is cut to fit its sheet: rows 1048576 to 1048600 are left out"),
        "{err}"
    );
    let sheet = first_sheet(&dir.path().join("out/xlsx/tall.xlsx"));
    assert_eq!(sheet.height(), 1_048_576);
    assert_eq!(sheet.get((1_048_575, 0)), Some(&Data::Float(1_048_574.0)));
    assert!(dir.path().join("out/manifest.json").is_file() && dir.path().join("out/xlsx/good.xlsx").is_file());
}

#[test]
fn a_damaged_or_huge_image_shows_its_alt_text_with_a_warning_and_is_never_embedded() {
    let whole = png(20, 10, 0);
    let cut = &whole[..whole.len() - 20];
    let mut huge = png(2, 2, 0);
    huge[16..24].copy_from_slice(&[0, 0, 0xC3, 0x50, 0, 0, 0xC3, 0x50]);
    let jpeg: &[u8] = &[0xFF, 0xD8, 0xFF, 0xC0, 0, 11, 8, 0, 5, 0, 7, 3, 1, 0x11, 0, 0xFF, 0xDA, 0, 2, 1, 2, 3];
    let page = b"# Pictures\n\n![cut](cut.png)\n\n![huge](huge.png)\n\n![bad](bad.jpg)\n\n![fine](fine.png)\n\n![big](big.png)\n";
    let files =
        [("p.md", page as &[u8]), ("cut.png", cut), ("huge.png", &huge), ("bad.jpg", jpeg), ("fine.png", &whole)];
    let dir = tree(&[&files[..], &[GOOD]].concat());
    std::fs::File::create(dir.path().join("big.png")).unwrap().set_len((128 << 20) + 1).unwrap();
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    for expected in [
        "p.md:3:1: image `cut.png` is truncated: it ends before its closing IEND chunk; not included, its alt text is shown",
        "p.md:5:1: image `huge.png` claims 50000 × 50000 pixels, more than the limit of 100 megapixels",
        "p.md:7:1: image `bad.jpg` is truncated: it ends before its end-of-image marker",
        "p.md:11:1: image `big.png`: 134217729 bytes, over the limit of 134217728 bytes; not read",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(!err.contains("fine.png"), "{err}");
    let pdf = lopdf::Document::load(dir.path().join("out/pdf/p.pdf")).unwrap();
    let text = page_text(&pdf);
    for alt in ["[cut]", "[huge]", "[bad]", "[big]"] {
        assert!(text.contains(alt), "{alt} in {text}");
    }
    let images = pdf.objects.values().filter_map(|o| o.as_stream().ok());
    let images = images.filter(|s| s.dict.get(b"Subtype").and_then(lopdf::Object::as_name).ok() == Some(b"Image"));
    assert_eq!(images.count(), 2, "only the whole image is embedded (colour and soft mask)");
    assert!(dir.path().join("out/pdf/good.pdf").is_file());
}

#[test]
fn a_png_is_checked_against_its_header_row_by_row() {
    use folio::layout::image_check::check;
    assert_eq!(check(&png(20, 10, 4)), Ok(()));
    let mut taller = png(20, 10, 0);
    taller[20..24].copy_from_slice(&20u32.to_be_bytes());
    assert_eq!(check(&taller), Err("is truncated: 810 of its 1620 bytes of pixel data".into()));
    assert_eq!(check(&png(2, 2, 9)), Err("has damaged pixel data (an unknown row filter)".into()));
}

#[test]
fn a_page_whose_name_is_not_utf8_is_read_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tree(&[GOOD]);
    let folder = dir.path().join(std::ffi::OsStr::from_bytes(b"f\xffolder"));
    std::fs::create_dir(&folder).unwrap();
    let cafe = dir.path().join(std::ffi::OsStr::from_bytes(b"caf\xe9.md"));
    std::fs::write(&cafe, "# Cafe\n\nText of the cafe.\n").unwrap();
    std::fs::write(folder.join("inner.md"), "# Inner\n\nText inside.\n").unwrap();
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    for name in ["caf\u{fffd}.md", "f\u{fffd}older"] {
        assert!(err.contains(&format!("warning: {name}: the name is not UTF-8; read")), "{name}: {err}");
    }
    for (pdf, text) in [("caf\u{fffd}.pdf", "Text of the cafe."), ("f\u{fffd}older/inner.pdf", "Text inside.")] {
        let pdf = lopdf::Document::load(dir.path().join("out/pdf").join(pdf)).expect("the page was built");
        assert!(page_text(&pdf).contains(text));
    }
    assert!(dir.path().join("out/pdf/good.pdf").is_file());
    // A change to it is seen by the next build, which hashes it from its real name.
    std::fs::write(&cafe, "# Cafe\n\nNew text.\n").unwrap();
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "pdf"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let pdf = lopdf::Document::load(dir.path().join("out/pdf/caf\u{fffd}.pdf")).unwrap();
    assert!(page_text(&pdf).contains("New text."));
}

#[test]
fn jobs_past_four_a_core_are_clamped_with_a_note() {
    let dir = tree(&[GOOD]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "json", "--jobs", "100000"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    let cores = std::thread::available_parallelism().unwrap().get();
    let note = format!("note: --jobs 100000 is more than 4 × the {cores} cores; using {}", 4 * cores);
    assert!(err.contains(&note), "{err}");
    assert!(dir.path().join("out/manifest.json").is_file());
}

#[test]
fn a_config_or_manifest_that_is_a_device_a_pipe_or_too_large_is_refused_with_exit_2() {
    let dir = tree(&[GOOD]);
    let fifo = dir.path().join("fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let big = dir.path().join("big");
    let sparse = std::fs::File::create(&big).unwrap();
    sparse.set_len((256 << 20) + 1).unwrap();
    std::fs::write(dir.path().join("big.toml"), vec![b'#'; (1 << 20) + 1]).unwrap();
    let fifo = fifo.to_str().unwrap();
    let cases: [(&[&str], String); 5] = [
        (&["--config", "/dev/zero", "build", "."], "/dev/zero: not a regular file (a pipe, socket or device)".into()),
        (&["--config", fifo, "build", "."], format!("{fifo}: not a regular file")),
        (&["--config", "big.toml", "build", "."], "big.toml: 1048577 bytes, over the limit of 1048576 bytes".into()),
        (&["merge-manifests", "/dev/zero", "-o", "m.json"], "/dev/zero: not a regular file".into()),
        (&["merge-manifests", "big", "-o", "m.json"], "big: 268435457 bytes, over the limit of 268435456 bytes".into()),
    ];
    for (args, expected) in cases {
        let run = folio(dir.path(), args);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(&format!("error: {expected}")), "{args:?}: {err}");
    }
    assert!(!dir.path().join("out").exists() && !dir.path().join("m.json").exists(), "nothing was written");
}

#[cfg(unix)]
#[test]
fn a_manifest_or_journal_in_the_output_folder_that_is_a_device_is_not_read() {
    let dir = tree(&[GOOD]);
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink("/dev/zero", out.join("manifest.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", out.join(".folio-journal")).unwrap();
    // Read whole, /dev/zero would fill the memory; the build takes them for no record instead.
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "json"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["outputs"][0]["path"], "ir.json");
}

#[test]
fn frontmatter_past_its_limit_is_an_error_for_its_page_only() {
    let page = format!("---\ntitle: Big\nnotes: \"{}\"\n---\n# Big\n", "n".repeat(1 << 20));
    let dir = tree(&[("big.md", page.as_bytes()), GOOD]);
    let run = folio(dir.path(), &["build", ".", "-o", "out", "-f", "json"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    let expected =
        "error: big.md:2:1: invalid frontmatter: it is 1048597 bytes, over the limit of 1048576; the page is skipped";
    assert!(err.contains(expected), "{err}");
    let ir = std::fs::read_to_string(dir.path().join("out/ir.json")).unwrap();
    assert!(ir.contains("good.md") && !ir.contains("big.md"), "the good page still built, the big one not");
}
