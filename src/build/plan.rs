//! Deciding what a build must render: nothing (all up to date), everything, or the outputs of
//! the pages that changed plus the site-wide ones; narrowed to a shard for CI matrices.

use super::manifest::{Input, Manifest};
use crate::backends::Scope;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::str::FromStr;

/// A deterministic part of a build, for splitting a huge tree over CI jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shard {
    /// Part `k` of `n` (1-based) of the per-document outputs; no site-wide outputs.
    Part { k: usize, n: usize },
    /// Only the site-wide outputs (book, site workbook, site deck, IR).
    Site,
}

impl FromStr for Shard {
    type Err = Error;

    fn from_str(s: &str) -> Result<Shard> {
        if s == "site" {
            return Ok(Shard::Site);
        }
        let bad = || Error::Usage(format!("--shard `{s}`: write K/N with 1 ≤ K ≤ N, or `site`"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (k, n) = (k.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if k == 0 || n == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard::Part { k, n })
    }
}

impl Shard {
    /// The scope of this shard over document ids (sorted, so the split is the same everywhere).
    fn scope(self, ids: &BTreeSet<String>) -> Scope {
        match self {
            Shard::Part { k, n } => {
                let mine = ids.iter().enumerate().filter(|(i, _)| i % n == k - 1).map(|(_, id)| id.clone());
                Scope { documents: Some(mine.collect()), site: false }
            }
            Shard::Site => Scope { documents: Some(BTreeSet::new()), site: true },
        }
    }
}

/// What to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Plan {
    /// Everything is as the last build left it.
    UpToDate,
    /// Render the outputs in scope; `incremental` keeps the other outputs of the last build.
    Render { scope: Scope, incremental: bool },
}

/// The document id of a page file: its path without extension.
pub fn document_id(rel: &str) -> Option<&str> {
    crate::parse::is_page(rel).then(|| rel.rsplit_once('.').map_or(rel, |(id, _)| id))
}

/// Compares the inputs with the last build's and decides. `damaged` are the documents (`None`:
/// the site) of outputs the last build made that are no longer on disk as it left them: they
/// render again, with the site, and nothing else does.
pub fn plan(
    previous: Option<&Manifest>,
    settings: &str,
    inputs: &[Input],
    shard: Option<Shard>,
    damaged: &[Option<String>],
) -> Plan {
    let ids: BTreeSet<String> = inputs.iter().filter_map(|i| document_id(&i.path)).map(str::to_string).collect();
    let full = match shard {
        Some(shard) => shard.scope(&ids),
        None => Scope::ALL,
    };
    let Some(previous) = previous.filter(|p| p.settings == settings) else {
        return Plan::Render { scope: full, incremental: false };
    };
    let before: std::collections::BTreeMap<&str, &str> =
        previous.inputs.iter().map(|i| (i.path.as_str(), i.blake3.as_str())).collect();
    let same_files = before.len() == inputs.len() && inputs.iter().all(|i| before.contains_key(i.path.as_str()));
    let changed: Vec<&Input> =
        inputs.iter().filter(|i| before.get(i.path.as_str()) != Some(&i.blake3.as_str())).collect();
    if changed.is_empty() && same_files && damaged.is_empty() {
        return Plan::UpToDate;
    }
    // A new, removed or non-page file (folder metadata, an image, folio.toml) can change any
    // output: render all of them.
    if !same_files || changed.iter().any(|i| document_id(&i.path).is_none()) {
        return Plan::Render { scope: full, incremental: false };
    }
    let changed_ids: BTreeSet<String> = changed
        .iter()
        .filter_map(|i| document_id(&i.path))
        .map(str::to_string)
        .chain(damaged.iter().flatten().cloned())
        .collect();
    let documents = match &full.documents {
        Some(mine) => mine.intersection(&changed_ids).cloned().collect(),
        None => changed_ids,
    };
    Plan::Render { scope: Scope { documents: Some(documents), site: full.site }, incremental: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str, hash: &str) -> Input {
        Input { path: path.into(), blake3: hash.into() }
    }

    fn manifest(inputs: Vec<Input>) -> Manifest {
        Manifest { settings: "s".into(), inputs, ..Manifest::default() }
    }

    #[test]
    fn one_changed_page_renders_that_page_and_the_site() {
        let prev = manifest(vec![input("a.md", "1"), input("b.md", "2")]);
        let now = [input("a.md", "1"), input("b.md", "3")];
        let Plan::Render { scope, incremental } = plan(Some(&prev), "s", &now, None, &[]) else { panic!() };
        assert!(incremental && scope.site);
        assert_eq!(scope.documents, Some(BTreeSet::from(["b".to_string()])));
        assert_eq!(plan(Some(&prev), "s", &prev.inputs, None, &[]), Plan::UpToDate);
    }

    #[test]
    fn a_damaged_output_renders_its_page_and_the_site_and_nothing_else() {
        let prev = manifest(vec![input("a.md", "1"), input("b.md", "2")]);
        let Plan::Render { scope, incremental } = plan(Some(&prev), "s", &prev.inputs, None, &[Some("b".into())])
        else {
            panic!()
        };
        assert!(incremental && scope.site);
        assert_eq!(scope.documents, Some(BTreeSet::from(["b".to_string()])));
        let Plan::Render { scope, .. } = plan(Some(&prev), "s", &prev.inputs, None, &[None]) else { panic!() };
        assert_eq!((scope.documents, scope.site), (Some(BTreeSet::new()), true));
    }

    #[test]
    fn settings_new_files_and_images_render_everything() {
        let prev = manifest(vec![input("a.md", "1"), input("logo.png", "2")]);
        let full = Plan::Render { scope: Scope::ALL, incremental: false };
        assert_eq!(plan(Some(&prev), "other", &prev.inputs, None, &[]), full);
        assert_eq!(plan(Some(&prev), "s", &[input("a.md", "1"), input("logo.png", "9")], None, &[]), full);
        assert_eq!(plan(Some(&prev), "s", &[input("a.md", "1")], None, &[]), full);
    }

    #[test]
    fn shards_split_documents_and_leave_the_site_to_their_own_step() {
        let now = [input("a.md", "1"), input("b.md", "2"), input("c.md", "3")];
        let shard = |s: &str| match plan(None, "s", &now, Some(s.parse().unwrap()), &[]) {
            Plan::Render { scope, .. } => scope,
            Plan::UpToDate => panic!(),
        };
        assert_eq!(shard("1/2").documents.unwrap().into_iter().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(shard("2/2").documents.unwrap().into_iter().collect::<Vec<_>>(), ["b"]);
        assert!(!shard("1/2").site && shard("site").site);
        assert!("3/2".parse::<Shard>().is_err() && "0/1".parse::<Shard>().is_err());
    }
}
