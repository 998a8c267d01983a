//! How the web view paints on Linux when there is no GPU.
//!
//! WebKitGTK composites the page with OpenGL. Without a GPU (a VM, a remote desktop, Xvfb) that is
//! Mesa's software OpenGL, and on 2 cores it made a 2,000-card board open in 1.4 s and drag at
//! 124 ms frames (p95); painting without compositing took that to 0.6 s and 36 ms
//! (docs/benchmarks.md). With a GPU, compositing is what makes it fast, so it stays on.

use std::path::Path;

/// WebKitGTK's switch for painting without accelerated compositing.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Where Linux lists the GPUs a program can render with (`renderD128`, ...).
const RENDER_NODES: &str = "/dev/dri";

/// Turns compositing off when no GPU can render, unless the user chose either way. Must run before
/// any thread starts (it sets an environment variable) and before the web view is made.
pub fn choose_for_this_machine() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let chosen = std::env::var_os(NO_COMPOSITING).is_some();
    let forced_software = std::env::var_os("LIBGL_ALWAYS_SOFTWARE").is_some_and(|v| v == "1");
    if !chosen && (forced_software || !has_render_node(Path::new(RENDER_NODES))) {
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

/// Whether `dir` lists a render node; an unreadable or missing folder means none.
fn has_render_node(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_render_node_is_a_gpu_a_card_or_nothing_is_not() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(&dir.path().join("missing")));
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(
            !has_render_node(dir.path()),
            "a display card alone renders nothing"
        );
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dir.path()));
    }
}
