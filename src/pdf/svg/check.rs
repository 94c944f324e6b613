//! Whether the converter can draw a whole SVG tree: no filter, mask, pattern or blend mode,
//! gradients that pad (not repeat or reflect) with opaque stops, no SVG inside it, and clip
//! paths of one path each (PDF intersects clip paths; it cannot join them).

use usvg::{BaseGradient, BlendMode, ClipPath, Group, ImageKind, Node, Paint, SpreadMethod, Tree};

pub fn drawable(tree: &Tree) -> bool {
    group(tree.root())
}

fn group(g: &Group) -> bool {
    g.filters().is_empty()
        && g.mask().is_none()
        && g.blend_mode() == BlendMode::Normal
        && g.clip_path().is_none_or(clip)
        && g.children().iter().all(node)
}

fn node(n: &Node) -> bool {
    match n {
        Node::Group(g) => group(g),
        Node::Path(p) => p.fill().is_none_or(|f| paint(f.paint())) && p.stroke().is_none_or(|s| paint(s.paint())),
        Node::Image(i) => !matches!(i.kind(), ImageKind::SVG(_)),
        Node::Text(t) => group(t.flattened()),
    }
}

fn paint(p: &Paint) -> bool {
    match p {
        Paint::Color(_) => true,
        Paint::LinearGradient(g) => gradient(g),
        Paint::RadialGradient(g) => gradient(g),
        Paint::Pattern(_) => false,
    }
}

fn gradient(g: &BaseGradient) -> bool {
    g.spread_method() == SpreadMethod::Pad && g.stops().iter().all(|s| s.opacity().get() >= 1.0)
}

fn clip(c: &ClipPath) -> bool {
    c.clip_path().is_none_or(clip) && paths(c.root()) == Some(1)
}

/// How many paths a clip path's group holds; `None` if it holds anything else, or a group
/// with its own clip path, mask or filter.
fn paths(g: &Group) -> Option<usize> {
    if !g.filters().is_empty() || g.mask().is_some() || g.clip_path().is_some() {
        return None;
    }
    g.children().iter().try_fold(0, |count, child| match child {
        Node::Group(inner) => Some(count + paths(inner)?),
        Node::Path(_) => Some(count + 1),
        Node::Image(_) | Node::Text(_) => None,
    })
}
