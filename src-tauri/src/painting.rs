//! How the web view paints on Linux when there is no GPU.
//!
//! WebKitGTK composites the page with OpenGL. Without a GPU (a VM, a remote desktop, Xvfb) that is
//! Mesa's software OpenGL, and on 2 cores it made a 2,000-card board open in 1.4 s and drag at
//! 124 ms frames (p95); painting without compositing took that to 0.6 s and 36 ms
//! (docs/benchmarks.md). With a GPU, compositing is what makes it fast, so it stays on.
//!
//! Without a GPU, GTK's own OpenGL is turned off too: GTK loaded Mesa's software OpenGL (and LLVM)
//! while the window was made, before WebKit could start its processes; the app then listed its
//! library about 60 ms later.

use std::path::Path;

/// WebKitGTK's switch for painting without accelerated compositing.
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// GTK's OpenGL switch (`disable`: no GL in GTK itself; the app has no GL widget).
const GTK_GL: &str = "GDK_GL";

/// Where Linux lists the GPUs a program can render with (`renderD128`, ...).
const RENDER_NODES: &str = "/dev/dri";

/// Turns compositing and GTK's OpenGL off when no GPU can render, each unless the user set it.
/// Must run before any thread starts (it sets environment variables) and before GTK starts.
pub fn choose_for_this_machine() {
    if !cfg!(target_os = "linux") {
        return;
    }
    // Mesa reads 1, true or yes as on.
    let forced_software = std::env::var("LIBGL_ALWAYS_SOFTWARE")
        .is_ok_and(|v| ["1", "true", "yes"].contains(&v.to_ascii_lowercase().as_str()));
    if !forced_software && has_render_node(Path::new(RENDER_NODES)) {
        return;
    }
    for (var, value) in [(NO_COMPOSITING, "1"), (GTK_GL, "disable")] {
        if std::env::var_os(var).is_none() {
            std::env::set_var(var, value);
        }
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
