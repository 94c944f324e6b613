//! The file names of a document's outputs, made from its id in one place, so that every
//! backend names a document's files alike and links between outputs find them.

use std::borrow::Cow;

/// The longest file name most file systems take, in bytes.
const NAME_MAX: usize = 255;
/// Room kept for the longest extension an output adds (`.pptx`, `.xlsx`).
const EXTENSION_ROOM: usize = 5;
/// Bytes of the original name kept before the hash in a shortened name.
const KEPT: usize = 200;

/// The path of a document's outputs without extension: its id, unless the id's last part with
/// an extension would be too long for a file name. Then that part is cut and given a stable
/// hash of the whole part, so that two long names that differ only at the end stay apart.
pub fn output_stem(id: &str) -> Cow<'_, str> {
    let (folder, name) = id.rsplit_once('/').map_or(("", id), |(f, n)| (f, n));
    if name.len() + EXTENSION_ROOM <= NAME_MAX {
        return Cow::Borrowed(id);
    }
    let mut cut = KEPT;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let hash = blake3::hash(name.as_bytes()).to_hex();
    let short = format!("{}-{}", &name[..cut], &hash[..16]);
    Cow::Owned(if folder.is_empty() { short } else { format!("{folder}/{short}") })
}

/// The path of document `to`'s output with extension `ext` relative to the folder of
/// document `from`'s output of the same kind, as links between sibling outputs say it.
pub fn relative_output(from: &str, to: &str, ext: &str) -> String {
    let to = output_stem(to);
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>()[..from.matches('/').count()].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    format!("{}.{ext}", parts.join("/"))
}

/// The id under which document `doc` names its places in its own output: its id, but for a page
/// above the root (`../b/other`, a sibling of a page converted on its own, converted on its own in
/// turn) its file name alone.
pub fn own_id(doc: &str) -> &str {
    match doc.starts_with("../") {
        true => doc.rsplit('/').next().unwrap_or(doc),
        false => doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_with_a_stable_hash_and_others_kept() {
        assert_eq!(output_stem("ladder/ic/senior"), "ladder/ic/senior");
        let long = format!("guides/{}", "é".repeat(130));
        let stem = output_stem(&long);
        let name = stem.rsplit('/').next().unwrap();
        assert!(stem.starts_with("guides/éé") && name.len() + EXTENSION_ROOM <= NAME_MAX, "{stem}");
        assert_eq!(stem, output_stem(&long), "stable");
        assert_ne!(stem, output_stem(&format!("{long}x")));
    }

    #[test]
    fn sibling_outputs_are_found_relative_to_each_other() {
        assert_eq!(relative_output("ladder/management/vp", "ladder/management/cto", "pdf"), "cto.pdf");
        assert_eq!(relative_output("ladder/management/vp", "ladder/overview", "docx"), "../overview.docx");
        assert_eq!(relative_output("page", "../b/other", "pdf"), "../b/other.pdf");
        assert_eq!((own_id("../b/other"), own_id("b/other")), ("other", "b/other"));
        assert_eq!(relative_output("top", "ladder/ic/senior", "pdf"), "ladder/ic/senior.pdf");
    }
}
