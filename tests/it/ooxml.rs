//! Reading Office Open XML packages back in tests (PPTX and DOCX): the zip's entries, each
//! part's XML flattened into nodes, and the checks every package must pass.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use quick_xml::XmlVersion;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};

/// The entries of a zip by name: XML parts as their text, others (images) as lossy text.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut entries = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        let name = file.name().unwrap().into_owned();
        let text = match is_xml(&name) {
            true => String::from_utf8(bytes).expect("UTF-8 XML"),
            false => String::from_utf8_lossy(&bytes).into_owned(),
        };
        entries.insert(name, text);
    }
    entries
}

/// Whether a part is XML (or relationships, which are XML).
fn is_xml(name: &str) -> bool {
    name.ends_with(".xml") || name.ends_with(".rels")
}

/// A parsed element or text, flattened: `(depth, name, attributes)` for elements and
/// `(depth, "#text", [("", text)])` for text.
pub type Node = (usize, String, Vec<(String, String)>);

pub fn parse(xml: &str) -> Vec<Node> {
    let mut reader = Reader::from_str(xml);
    let mut nodes = Vec::new();
    let mut depth = 0;
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("well-formed XML: {e}\n{xml}")) {
            Event::Start(e) => {
                nodes.push(element(depth, &e));
                depth += 1;
            }
            Event::Empty(e) => nodes.push(element(depth, &e)),
            Event::End(_) => depth -= 1,
            Event::Text(t) => {
                nodes.push((depth, "#text".into(), vec![(String::new(), t.xml10_content().into_owned())]))
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&r).expect("a predefined entity").to_string(),
                };
                nodes.push((depth, "#text".into(), vec![(String::new(), c)]));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    nodes
}

fn element(depth: usize, e: &BytesStart) -> Node {
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.unwrap();
            (a.key.as_ref().to_string(), a.normalized_value(XmlVersion::Implicit1_0).unwrap().into_owned())
        })
        .collect();
    (depth, e.name().as_ref().to_string(), attrs)
}

pub fn attr<'a>(node: &'a Node, name: &str) -> Option<&'a str> {
    node.2.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Checks that each entry of a zip ends where the next begins: after its data comes the data
/// descriptor its header announces (flag bit 3), then the next header. `unzip -t` rejects a
/// zip whose announced descriptors would overlap the next entry.
pub fn check_entries_follow_each_other(bytes: &[u8]) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let header = file.header_start() as usize;
        let end = (file.data_start().expect("data start") + file.compressed_size()) as usize;
        let next = match u16::from_le_bytes([bytes[header + 6], bytes[header + 7]]) & 8 != 0 {
            true => {
                assert_eq!(&bytes[end..end + 4], b"PK\x07\x08", "{name}: the data descriptor its header announces");
                end + 16
            }
            false => end,
        };
        let follows = bytes[next..].starts_with(b"PK\x03\x04") || bytes[next..].starts_with(b"PK\x01\x02");
        assert!(follows, "{name}: the next header follows its data");
    }
}

/// Asserts that every part parses and has a content type, that every content type names a
/// part, and that every internal relationship's target exists.
pub fn check_package(entries: &BTreeMap<String, String>) {
    // Every part parses, and every part has a content type.
    let types = parse(&entries["[Content_Types].xml"]);
    let defaults: Vec<&str> = types.iter().filter(|n| n.1 == "Default").filter_map(|n| attr(n, "Extension")).collect();
    let overrides: Vec<&str> = types.iter().filter(|n| n.1 == "Override").filter_map(|n| attr(n, "PartName")).collect();
    for (name, xml) in entries {
        if is_xml(name) {
            parse(xml);
        }
        let extension = name.rsplit('.').next().unwrap();
        let typed = overrides.contains(&format!("/{name}").as_str()) || defaults.contains(&extension);
        assert!(typed || name == "[Content_Types].xml", "{name} has no content type");
    }
    for part in &overrides {
        assert!(entries.contains_key(&part[1..]), "content type for a missing part {part}");
    }
    // Every relationship resolves.
    for (name, xml) in entries.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let base = name.replace("_rels/", "").trim_end_matches(".rels").to_string();
        let folder = base.rsplit_once('/').map_or("", |(f, _)| f);
        for rel in parse(xml).iter().filter(|n| n.1 == "Relationship") {
            if attr(rel, "TargetMode") == Some("External") {
                continue;
            }
            let target = resolve(folder, attr(rel, "Target").unwrap());
            assert!(entries.contains_key(&target), "{name}: {target} is missing");
        }
    }
}

/// `target` relative to `folder` inside the package.
pub fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> =
        if target.starts_with('/') { vec![] } else { folder.split('/').filter(|p| !p.is_empty()).collect() };
    for part in target.trim_start_matches('/').split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}
