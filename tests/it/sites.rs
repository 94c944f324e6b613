//! Real documentation sites as they are written: the title from the generator's own
//! configuration, the dialects of MkDocs, Docusaurus, VitePress and mdBook, and their orders.

use crate::util::{load, tree};

fn site_title(files: &[(&str, &[u8])], folder: &str) -> String {
    let dir = tree(files);
    load(&dir.path().join(folder)).collection.title
}

#[test]
fn the_site_title_comes_from_the_generator_configuration() {
    let page: (&str, &[u8]) = ("docs/a.md", b"# A\n");
    let cases: [(&str, &str, &str); 6] = [
        ("retype.yml", "branding:\n  title: Retype Ladder\n", "Retype Ladder"),
        ("mkdocs.yml", "site_name: MkDocs Site\nnav:\n  - a.md\n", "MkDocs Site"),
        ("hugo.toml", "baseURL = 'https://x.org/'\ntitle = 'Hugo Site'\n", "Hugo Site"),
        ("book.toml", "[book]\ntitle = \"The Book\"\n", "The Book"),
        ("docusaurus.config.js", "export default {\n  title: 'Docu Site',\n  tagline: 'x',\n};\n", "Docu Site"),
        ("docusaurus.config.ts", "const config: Config = {\n  title: \"TS Site\",\n};\n", "TS Site"),
    ];
    for (name, text, expected) in cases {
        let files = [page, (name, text.as_bytes())];
        assert_eq!(site_title(&files, "docs"), expected, "{name} in the folder above the pages");
        let files = [page, (&format!("docs/{name}") as &str, text.as_bytes())];
        assert_eq!(site_title(&files, "docs"), expected, "{name} in the content folder");
    }
    let configured =
        [page, ("retype.yml", b"branding:\n  title: Mine\n"), ("docs/folio.toml", b"[site]\ntitle = \"Set\"\n")];
    assert_eq!(site_title(&configured, "docs"), "Set", "folio.toml comes first");
}

#[test]
fn without_configuration_the_root_index_page_and_then_the_folder_name_title_the_site() {
    let labelled: [(&str, &[u8]); 2] =
        [("career-ladder/index.md", b"---\nlabel: Career Ladder\n---\nText\n"), ("career-ladder/a.md", b"# A\n")];
    assert_eq!(site_title(&labelled, "career-ladder"), "Career Ladder");
    let headed: [(&str, &[u8]); 1] = [("my-docs/README.md", b"# Handbook of Roles\n\nText\n")];
    assert_eq!(site_title(&headed, "my-docs"), "Handbook of Roles");
    let bare: [(&str, &[u8]); 1] = [("career-ladder/a.md", b"# A\n")];
    assert_eq!(site_title(&bare, "career-ladder"), "Career Ladder");
}
