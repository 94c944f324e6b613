//! The XLSX backend, rendered in-process and read back with calamine: the site workbook's
//! sheets, the matrix's role order, tidy rows against a count from the Markdown source, typed
//! cells, formula-like text, sheet names, deterministic bytes, and every corpus folder.

use crate::util::{content, corpus_folders, folio, load, seed, stderr, tree};
use calamine::{open_workbook_from_rs, Data, HorizontalAlignment, Range, Reader, Xlsx};
use folio::backends::{lookup, Artifact, Assets, RenderContext};
use folio::config::Config;
use std::io::Cursor;
use std::path::Path;

/// Renders the file or folder at `path` with its own configuration.
fn render(path: &Path) -> Vec<Artifact> {
    let loaded = load(path);
    let root = if path.is_dir() { path } else { path.parent().unwrap() };
    let config = Config::discover(None, root).unwrap();
    let assets = Assets::new();
    let ctx = RenderContext::new(&loaded.collection, &config, &assets);
    lookup("xlsx").unwrap().render(&ctx).expect("xlsx renders").artifacts
}

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(artifact: &Artifact) -> Book {
    open_workbook_from_rs(Cursor::new(artifact.bytes.clone())).expect("a readable workbook")
}

fn site(artifacts: &[Artifact]) -> &Artifact {
    artifacts.iter().find(|a| a.path.ends_with("-skills.xlsx")).expect("the site workbook")
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn row(range: &Range<Data>, r: usize) -> Vec<String> {
    range.rows().nth(r).map(|cells| cells.iter().map(|c| c.to_string()).collect()).unwrap_or_default()
}

/// Skills counted straight from the Markdown: in tables under a heading containing "Skill",
/// the comma- or semicolon-separated items of the second column of `Category | Skills`
/// tables, and the filled role cells of `Skill | <role> …` tables.
fn skills_in_markdown(text: &str) -> usize {
    let mut under_skill_heading = false;
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut count = 0;
    let mut finish = |table: &mut Vec<Vec<String>>| {
        if let [head, _separator, rows @ ..] = table.as_slice() {
            match head[0].as_str() {
                "Category" => {
                    count += rows
                        .iter()
                        .map(|r| r[1].split([',', ';']).filter(|s| !s.trim().is_empty()).count())
                        .sum::<usize>()
                }
                "Skill" => count += rows.iter().map(|r| r[1..].iter().filter(|c| !c.is_empty()).count()).sum::<usize>(),
                _ => {}
            }
        }
        table.clear();
    };
    for line in text.lines() {
        if line.starts_with('#') {
            under_skill_heading = line.contains("Skill");
        }
        if line.starts_with('|') && under_skill_heading {
            table.push(line.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect());
        } else {
            finish(&mut table);
        }
    }
    finish(&mut table);
    count
}

#[test]
fn content_site_workbook_has_its_sheets_and_the_roles_in_ladder_order() {
    let artifacts = render(&content());
    let site = site(&artifacts);
    assert_eq!(site.path, "engineering-career-ladder-skills.xlsx");
    let mut book = open(site);
    let names = book.sheet_names();
    assert_eq!(names[..4], ["Matrix", "Levels", "Skills", "Index"]);
    assert!(names.contains(&"VP - Key Skill Sets".to_string()), "{names:?}");
    assert!(names.contains(&"Overview - Skill Matrix".to_string()), "{names:?}");
    let matrix = sheet(&mut book, "Matrix");
    let roles = crate::util::ROLES;
    assert_eq!(row(&matrix, 0), [&["Category"][..], &roles[..]].concat());
    for (c, role) in roles.iter().enumerate() {
        let filled = matrix.rows().skip(1).filter(|r| !r[c + 1].to_string().is_empty()).count();
        assert!(filled >= 5, "{role} has skills in only {filled} categories");
    }
    let levels = sheet(&mut book, "Levels");
    assert_eq!(row(&levels, 1)[..3], ["Coding", "Working", "Practitioner"]);
    assert_eq!(row(&levels, 0)[6], "Director", "the header `Director of Engineering` names the Director by title");

    // Every sheet is listed in the index, with a link to it.
    let index = sheet(&mut book, "Index");
    let listed: Vec<String> = index.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(listed, names);
    let links = book.hyperlinks_by_sheet_name("Index").unwrap();
    assert!(links.iter().any(|l| l.location.as_deref() == Some("'Matrix'!A1")), "{links:?}");
}

#[test]
fn past_site_table_sheets_the_index_points_at_the_page_workbooks() {
    let page = |n: usize| {
        format!("# Page {n}\n\n## Key Skill Sets\n\n| Category | Skills |\n|---|---|\n| Craft | a, b |\n\n## Scope\n\n| A | B |\n|---|---|\n| {n} | x |\n")
    };
    let pages: Vec<(String, String)> = (1..=3).map(|n| (format!("p{n}.md"), page(n))).collect();
    let mut files: Vec<(&str, &[u8])> = pages.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect();
    files.push(("folio.toml", b"[xlsx]\nsite_table_sheets = 4\n"));
    let dir = tree(&files);
    let artifacts = render(dir.path());
    let mut book = open(site(&artifacts));
    let names = book.sheet_names();
    // Matrix, Skills and Index (no proficiency tables, so no Levels), and four of six tables.
    assert_eq!(names.len(), 3 + 4, "{names:?}");
    let index = sheet(&mut book, "Index");
    let rows: Vec<Vec<String>> = index.rows().skip(1).map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows.len(), 3 + 6, "every table is listed");
    let without: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "(page workbook)").collect();
    assert_eq!(without.len(), 2);
    for row in without {
        assert_eq!((row[1].as_str(), row[4].as_str()), ("Page 3", "xlsx/p3.xlsx"), "{row:?}");
    }
    // The Skills sheet, written a row at a time, still holds every skill.
    assert_eq!(sheet(&mut book, "Skills").rows().count(), 1 + 3 * 2);
}

#[test]
fn past_page_table_sheets_the_rest_are_stacked_on_one_sheet() {
    let mut page = String::from("# Many\n\n");
    for n in 1..=5 {
        page.push_str(&format!(
            "## Part {n}\n\n| Skill | Level |\n|---|---|\n| **Design** {n} | Expert |\n| Review | None |\n\n"
        ));
    }
    let dir = tree(&[("many.md", page.as_bytes()), ("folio.toml", b"[xlsx]\npage_table_sheets = 2\n")]);
    let artifacts = render(dir.path());
    let workbook = artifacts.iter().find(|a| a.path == "xlsx/many.xlsx").expect("the page workbook");
    let mut book = open(workbook);
    assert_eq!(book.sheet_names(), ["Part 1", "Part 2", "More tables"]);
    let rows: Vec<Vec<String>> =
        sheet(&mut book, "More tables").rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    // Each of the three other tables: its title, its header, its two rows, a blank row.
    let table = |n: usize| {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        vec![
            row(&[&format!("Part {n}"), ""]),
            row(&["Skill", "Level"]),
            row(&[&format!("Design {n}"), "Expert"]),
            row(&["Review", "None"]),
        ]
    };
    let mut expected = Vec::new();
    for n in 3..=5 {
        expected.extend(table(n));
        if n < 5 {
            expected.push(vec![String::new(); 2]);
        }
    }
    assert_eq!(rows, expected);
}

#[test]
fn tidy_rows_match_the_skills_in_the_source() {
    let mut expected = 0;
    let mut pending = vec![content()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                expected += skills_in_markdown(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    assert!(expected > 300, "the oracle found only {expected} skills");
    let artifacts = render(&content());
    let mut book = open(site(&artifacts));
    let tidy = sheet(&mut book, "Skills");
    assert_eq!(row(&tidy, 0), ["Track", "Role", "Order", "Category", "Skill", "Level", "Source page"]);
    assert_eq!(tidy.height() - 1, expected);
    let vp = tidy.rows().find(|r| r[1] == "VP" && r[5] == Data::Empty).expect("a VP row of a skill list");
    assert_eq!(vp[0].to_string(), "Management Track");
    assert_eq!(vp[2], Data::Float(2007.0));
    assert_eq!(vp[3].to_string(), "Technical Depth", "emphasis is stripped from the category");
    assert_eq!(vp[4].to_string(), "Credible judgement on high-stakes technical decisions");
    assert_eq!(vp[6].to_string(), "career-ladder/management/vp-of-engineering.md");
    book.load_tables().unwrap();
    assert_eq!(book.table_names_in_sheet("Skills"), ["Skills"]);
}

const TYPED: &str = "# Typed\n\n## Numbers\n\n| Item | Value |\n|---|--:|\n\
| whole | 42 |\n| decimal | 3.25 |\n| share | 70% |\n| range | 70-90% |\n| money | $500K |\n\
| formula | =SUM(A1:A2) |\n| plus | +1 |\n| minus | -2 |\n| at | @me |\n| grouped | 1,200 |\n\
| bold | **Strong** |\n| link | [site](https://example.com) |\n| code | `1.10` |\n";

#[test]
fn cells_are_typed_and_formula_like_text_stays_text() {
    let dir = tree(&[("typed.md", TYPED.as_bytes())]);
    let artifacts = render(&dir.path().join("typed.md"));
    let page = artifacts.iter().find(|a| a.path == "xlsx/typed.xlsx").expect("the page workbook");
    let mut book = open(page);
    assert_eq!(book.sheet_names(), ["Numbers"]);
    let range = sheet(&mut book, "Numbers");
    let value = |r: usize| range.get((r, 1)).cloned().unwrap();
    assert_eq!(value(1), Data::Float(42.0));
    assert_eq!(value(2), Data::Float(3.25));
    assert_eq!(value(3), Data::Float(0.7));
    for (r, text) in [(4, "70-90%"), (5, "$500K"), (6, "=SUM(A1:A2)"), (7, "+1"), (8, "-2"), (9, "@me")] {
        assert_eq!(value(r), Data::String(text.into()), "row {r}");
    }
    assert_eq!(value(10), Data::Float(1200.0));
    assert_eq!(value(13), Data::String("1.10".into()), "code stays text");
    let formulas = book.worksheet_formula("Numbers").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formulas: {formulas:?}");
    let styles = book.worksheet_style("Numbers").unwrap();
    let format = |r: u32| styles.get((r, 1)).and_then(|s| s.number_format.clone()).map(|f| f.format_code);
    assert_eq!(format(3).as_deref(), Some("0%"));
    let bold = styles.get((11, 1)).and_then(|s| s.font.clone()).is_some_and(|f| f.is_bold());
    assert!(bold, "**Strong** is bold");
    let alignment = styles.get((1, 1)).and_then(|s| s.alignment.clone()).map(|a| a.horizontal);
    assert_eq!(alignment, Some(HorizontalAlignment::Right), "the Markdown column alignment");
    let links = book.hyperlinks_by_sheet_name("Numbers").unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].target.as_deref(), Some("https://example.com"));
}

const AWKWARD: &str = "---\nlabel: \"R&D: A/B [x]\"\n---\n# Awkward\n\n\
## Skills: *what?*\n\n| Category | Skills |\n|---|---|\n| **Core** | One, two (a, b); three |\n| | Four |\n\n\
## Skills: *what?*\n\n| Category | Skills |\n|---|---|\n| Extra | Five |\n\n\
## MATRIX\n\n| A |\n|---|\n| x |\n\n## Skills glossary\n\n| Skill | Description |\n|---|---|\n| Rust | A language |\n\n## Ragged\n\n| | a |\n|---|---|\n| x | y | surplus |\n| only |\n";

#[test]
fn sheet_names_are_legal_and_unique_and_grouped_rows_keep_their_category() {
    let dir = tree(&[("awkward.md", AWKWARD.as_bytes())]);
    let artifacts = render(&dir.path().join("awkward.md"));
    let mut book = open(site(&artifacts));
    let names = book.sheet_names();
    let mut lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), names.len(), "unique ignoring case: {names:?}");
    for name in &names {
        assert!(name.chars().count() <= 31 && !name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
    }
    assert_eq!(names.len(), 3 + 5, "Matrix, Skills, Index and five tables: {names:?}");
    let ragged = sheet(&mut book, names.last().unwrap());
    assert_eq!(row(&ragged, 0)[..2], ["", "a"], "an empty header cell stays empty");
    assert_eq!(row(&ragged, 1)[..2], ["x", "y"]);
    assert_eq!(row(&ragged, 2)[0], "only");
    let tidy = sheet(&mut book, "Skills");
    let skills: Vec<(String, String)> = tidy.rows().skip(1).map(|r| (r[3].to_string(), r[4].to_string())).collect();
    // `Skill | Description` names no role and holds no levels: not a level table.
    let expected = [("Core", "One"), ("Core", "two (a, b)"), ("Core", "three"), ("Core", "Four"), ("Extra", "Five")];
    assert_eq!(skills, expected.map(|(c, s)| (c.to_string(), s.to_string())));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first = render(&content());
    let second = render(&content());
    assert_eq!(first.len(), 11, "the site workbook and one per page with tables");
    assert!(first == second, "two renders differ");
}

#[test]
fn the_seed_and_every_corpus_folder_render_and_read_back() {
    let mut folders = corpus_folders();
    folders.push(seed());
    for folder in folders {
        for artifact in render(&folder) {
            let mut book = open(&artifact);
            for name in book.sheet_names() {
                book.worksheet_range(&name).unwrap_or_else(|e| panic!("{}: {}: {e}", folder.display(), artifact.path));
            }
        }
    }
}

const CONFIGURED: &str = "[xlsx]\nskill_heading = \"Competenc\"\ncategory_column = \"Area\"\n\
skills_column = \"Abilities\"\nskill_column = \"Competency\"\nscales = [[\"Low\", \"High\"]]\npaper = \"letter\"\nlink_base = \"https://ladder.example.com/\"\n";

const COMPETENCIES: &str = "---\nlabel: Dev\n---\n# Developer\n\n## Competencies\n\n\
| Area | Abilities |\n|---|---|\n| Craft | Testing; Refactoring |\n\n\
## Skills\n\n| Category | Skills |\n|---|---|\n| Ignored | Not a skill table under this configuration |\n\n\
## Competency levels\n\n| Competency | Dev | Lead |\n|---|---|---|\n| Design | Low | High |\n";

#[test]
fn heading_and_column_names_come_from_the_configuration() {
    let dir = tree(&[("folio.toml", CONFIGURED.as_bytes()), ("dev.md", COMPETENCIES.as_bytes())]);
    let artifacts = render(dir.path());
    let mut book = open(site(&artifacts));
    let tidy = sheet(&mut book, "Skills");
    let rows: Vec<Vec<String>> = (1..tidy.height()).map(|r| row(&tidy, r)).collect();
    let picked: Vec<[&str; 3]> = rows.iter().map(|r| [r[1].as_str(), r[4].as_str(), r[5].as_str()]).collect();
    assert_eq!(
        picked,
        [["Dev", "Testing", ""], ["Dev", "Refactoring", ""], ["Dev", "Design", "Low"], ["Lead", "Design", "High"]]
    );
    let levels = sheet(&mut book, "Levels");
    assert_eq!(row(&levels, 0), ["Competency", "Dev", "Lead"]);
    let links = book.hyperlinks_by_sheet_name("Skills").unwrap();
    assert_eq!(links.len(), 4, "each source page links to the published page");
    assert_eq!(links[0].target.as_deref(), Some("https://ladder.example.com/dev"));
    let links = book.hyperlinks_by_sheet_name("Index").unwrap();
    let targets: Vec<_> = links.iter().filter_map(|l| l.target.as_deref()).collect();
    assert!(targets.contains(&"https://ladder.example.com/dev"), "{targets:?}");
    let xml = sheet_xml(site(&artifacts), "Levels");
    assert!(xml.contains(r#"<formula>"High"</formula>"#), "the configured scale");
    assert!(xml.contains(r#"paperSize="1""#) || !xml.contains("paperSize"), "letter paper");
}

#[test]
fn an_unknown_xlsx_setting_is_a_configuration_error() {
    let dir = tree(&[("folio.toml", b"[xlsx]\nskill_headings = \"x\"\n"), ("a.md", b"# A\n")]);
    let loaded = load(dir.path());
    let config = Config::discover(None, dir.path()).unwrap();
    let assets = Assets::new();
    let err = lookup("xlsx").unwrap().render(&RenderContext::new(&loaded.collection, &config, &assets)).unwrap_err();
    assert!(err.is_usage() && err.to_string().contains("skill_headings"), "{err}");
}

#[test]
fn convert_writes_the_page_workbook() {
    let dir = tree(&[("typed.md", TYPED.as_bytes())]);
    let output = folio(dir.path(), &["convert", "typed.md", "-o", "typed.xlsx"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(dir.path().join("typed.xlsx")).unwrap();
    let book: Book = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Numbers"]);
}

/// The XML of the worksheet called `name` (rust_xlsxwriter numbers the parts in sheet order).
fn sheet_xml(artifact: &Artifact, name: &str) -> String {
    let position = open(artifact).sheet_names().iter().position(|n| n == name).expect("the sheet") + 1;
    let mut zip = zip::ZipArchive::new(Cursor::new(artifact.bytes.clone())).unwrap();
    let mut file = zip.by_name(&format!("xl/worksheets/sheet{position}.xml")).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut file, &mut xml).unwrap();
    xml
}

#[test]
fn proficiency_columns_get_a_heat_map_and_prose_does_not() {
    let artifacts = render(&content());
    let site = site(&artifacts);
    let matrix = sheet_xml(site, "Overview - Skill Matrix");
    assert_eq!(matrix.matches("<conditionalFormatting").count(), 8, "one per role column");
    assert!(matrix.contains(r#"<formula>"Practitioner"</formula>"#), "a rule per level");
    let skills = sheet_xml(site, "Software Engineer - Key Skill");
    assert!(!skills.contains("conditionalFormatting"), "`Learning` as a category is not a level");
    let print = sheet_xml(site, "Matrix");
    assert!(
        print.contains(r#"orientation="landscape""#) && print.contains(r#"fitToHeight="0""#),
        "landscape, one page wide"
    );
    assert!(print.contains(r#"paperSize="9""#) && print.contains("Page &amp;P of &amp;N"), "A4, numbered pages");
}

#[test]
fn oversized_text_is_cut_and_unusable_links_stay_text() {
    let page = format!(
        "# Big\n\n## Data\n\n| a | b |\n|---|---|\n| {} | [long](https://example.com/{}) |\n| [tel](tel:123) | ok |\n",
        "word ".repeat(8_000),
        "a".repeat(3_000)
    );
    let dir = tree(&[("big.md", page.as_bytes())]);
    let artifacts = render(&dir.path().join("big.md"));
    let page = artifacts.iter().find(|a| a.path == "xlsx/big.xlsx").expect("the page workbook");
    let mut book = open(page);
    let range = sheet(&mut book, "Data");
    assert_eq!(range.get((1, 0)).unwrap().to_string().chars().count(), 32_767, "Excel's limit");
    assert_eq!(range.get((1, 1)).unwrap().to_string(), "long");
    assert_eq!(range.get((2, 0)).unwrap().to_string(), "tel");
    assert!(book.hyperlinks_by_sheet_name("Data").unwrap().is_empty());
}

/// The row numbers of a worksheet's XML, in order.
fn row_numbers(xml: &str) -> Vec<u32> {
    xml.split("<row r=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap()).collect()
}

#[test]
fn tables_written_a_row_at_a_time_keep_every_row_once_with_its_height() {
    // Tables end on a row made tall by wrapped text. Three tables on a page of
    // `page_table_sheets = 2` stack the third on `More tables`, a sheet written a row at a time
    // (constant memory), whose tall last row is still being written when the workbook is saved.
    let tall = "words that wrap in a narrow column ".repeat(12);
    let table = |name: &str| format!("## {name}\n\n| Skill | Note |\n|---|---|\n| a | short |\n| b | {tall} |\n\n");
    let page = format!("# Tall\n\n{}{}{}", table("One"), table("Two"), table("Three"));
    let dir = tree(&[("tall.md", page.as_bytes()), ("folio.toml", b"[xlsx]\npage_table_sheets = 2\n")]);
    let artifacts = render(dir.path());
    let workbook = artifacts.iter().find(|a| a.path == "xlsx/tall.xlsx").expect("the page workbook");
    let mut book = open(workbook);
    assert_eq!(book.sheet_names(), ["One", "Two", "More tables"]);
    for name in ["One", "Two", "More tables"] {
        let xml = sheet_xml(workbook, name);
        let rows = row_numbers(&xml);
        let mut once = rows.clone();
        once.dedup();
        assert_eq!(rows, once, "{name}: every row once, in order: {xml}");
        let range = sheet(&mut book, name);
        let last = range.rows().rposition(|r| r.iter().any(|c| *c != Data::Empty)).unwrap();
        assert_eq!(row(&range, last)[1], tall.trim(), "{name}: the tall row's text");
        let tall_row = format!("<row r=\"{}\"", range.start().unwrap().0 as usize + last + 1);
        let at = xml.find(&tall_row).unwrap_or_else(|| panic!("{name}: {tall_row} in {xml}"));
        assert!(xml[at..at + 80].contains("customHeight=\"1\""), "{name}: the last row keeps its height: {xml}");
    }
}

#[test]
fn two_job_families_with_a_level_of_one_name_keep_their_own_columns() {
    let family = |name: &str, proficiency: &str| {
        format!(
            "name: {name}\nlevels:\n  - id: e\n    name: Engineer\nthemes:\n  - id: t\n    name: Technical\n\
             competencies:\n  - level: e\n    theme: t\n    summary: Codes.\n    proficiency: {proficiency}\n"
        )
    };
    let (a, b) = (family("Engineering", "Expert"), family("Operations", "Awareness"));
    let dir = tree(&[("data/a.yml", a.as_bytes()), ("data/b.yml", b.as_bytes())]);
    let artifacts = render(dir.path());
    let mut book = open(site(&artifacts));
    let levels = sheet(&mut book, "Levels");
    assert_eq!(row(&levels, 0), ["Skill", "Engineer (Engineering)", "Engineer (Operations)"]);
    assert_eq!(row(&levels, 1), ["Technical", "Expert", "Awareness"], "no cell holds both families' levels");
    let skills = sheet(&mut book, "Skills");
    let tracks: Vec<String> = skills.rows().skip(1).map(|r| r[0].to_string()).collect();
    assert_eq!(tracks, ["Engineering", "Operations"]);
}

/// The attribute `name` of the first element of `xml` that starts with `start`, as a number.
fn attribute(xml: &str, start: &str, name: &str) -> Option<f64> {
    let element = &xml[xml.find(start)?..];
    let element = &element[..element.find('>')?];
    let value = element.split(&format!(" {name}=\"")).nth(1)?;
    value[..value.find('"')?].parse().ok()
}

#[test]
fn rows_of_japanese_text_are_tall_enough_for_every_character() {
    // 48 characters without a space: each is an em wide (11 points) in any Japanese face,
    // about two of Excel's units of column width (5.25 points) where a Latin letter is under one.
    let japanese = "他のエンジニアのコードを読み、質問し、学ぶことができる。チームの規約に従ってレビューを依頼する。";
    let page = format!(
        "# 技能\n\n## スキル\n\n| スキル | 説明 |\n|---|---|\n| 短い | 一行 |\n| コードレビュー | {japanese} |\n"
    );
    let dir = tree(&[("ja.md", page.as_bytes())]);
    let artifacts = render(&dir.path().join("ja.md"));
    let workbook = artifacts.iter().find(|a| a.path == "xlsx/ja.xlsx").expect("the page workbook");
    let xml = sheet_xml(workbook, "スキル");
    let width = attribute(&xml, "<col min=\"2\"", "width").expect("the second column's width");
    let per_line = (width * 5.25 / 11.0).floor();
    let lines = (japanese.chars().count() as f64 / per_line).ceil();
    assert!(lines >= 2.0, "the text needs more than a line in a column {width} wide");
    let height = attribute(&xml, "<row r=\"3\"", "ht").expect("the Japanese row has a height");
    assert!(height >= 15.0 * lines, "{lines} lines of 15 points in a row {height} points tall");
    assert_eq!(attribute(&xml, "<row r=\"2\"", "ht"), None, "the short row keeps Excel's height");
}

#[test]
fn a_site_without_skill_tables_has_no_empty_matrix() {
    let page = "# Onboarding\n\n## Tools\n\n| Tool | Use |\n|---|---|\n| Git | history |\n";
    let dir = tree(&[("onboarding.md", page.as_bytes())]);
    let artifacts = render(dir.path());
    let book = open(site(&artifacts));
    assert_eq!(book.sheet_names(), ["Skills", "Index", "Onboarding - Tools"]);
}
