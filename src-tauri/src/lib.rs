//! The desktop shell: parses the command line, opens the library, and serves the UI's commands.
//! Everything that is not about Tauri lives in the jejak-core and jejak-store crates.

mod cli;
mod commands;
mod config;
mod error;
mod handover;
mod painting;
mod state;
mod syncer;

use std::sync::mpsc::Receiver;

use jejak_core::templates::Locale;
use tauri::{Emitter, Manager};

use handover::Knock;

pub use state::AppState;

/// The app around an already-opened library.
fn builder(state: AppState) -> tauri::Builder<tauri::Wry> {
    tauri::Builder::default()
        .manage(state)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .on_window_event(commands::window::on_window_event)
        .invoke_handler(tauri::generate_handler![
            commands::settings::startup,
            commands::settings::take_file_to_open,
            commands::settings::set_locale,
            commands::settings::map_zoom,
            commands::settings::set_map_zoom,
            commands::settings::map_view,
            commands::settings::set_map_view,
            commands::settings::author_name,
            commands::settings::set_author_name,
            commands::library::list_maps,
            commands::library::list_trash,
            commands::library::create_map,
            commands::library::duplicate_map,
            commands::library::trash_map,
            commands::library::restore_map,
            commands::library::purge_map,
            commands::library_file::list_backups,
            commands::library_file::restore_backup,
            commands::library_file::open_library_file,
            commands::library_file::create_library_file,
            commands::map_file::export_map_file,
            commands::map_file::copy_map_table,
            commands::map_file::choose_map_file,
            commands::map_file::read_map_file,
            commands::map_file::import_maps,
            commands::conflicts::map_conflicts,
            commands::conflicts::dismiss_conflict,
            commands::conflicts::use_other_version,
            commands::sharing::choose_share_folder,
            commands::sharing::sharing_status,
            commands::sharing::share_map,
            commands::sharing::stop_sharing,
            commands::sharing::sync_map,
            commands::sharing::sync_now,
            commands::sharing::maps_in_folder,
            commands::sharing::add_shared_map,
            commands::snapshots::list_snapshots,
            commands::snapshots::take_snapshot,
            commands::snapshots::snapshot_doc,
            commands::snapshots::restore_snapshot,
            commands::snapshots::delete_snapshot,
            commands::snapshots::export_snapshot_file,
            commands::maps::open_map,
            commands::maps::apply_ops,
            commands::maps::undo,
            commands::maps::redo,
            commands::maps::csv_preview,
            commands::maps::import_metrics,
            commands::cards_csv::cards_csv_preview,
            commands::cards_csv::check_cards_csv,
            commands::cards_csv::import_cards_csv,
            commands::export::export_options,
            commands::export::export_preview,
            commands::export::choose_export_path,
            commands::export::export_pdf,
            commands::window::close_window,
        ])
}

fn has_display() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

pub fn run() {
    painting::choose_for_this_machine();
    let (library, open) = match cli::parse(std::env::args().skip(1)) {
        cli::Cli::Run { library, open } => (library, open),
        cli::Cli::Help => {
            println!("{}", cli::USAGE);
            return;
        }
        cli::Cli::Bad(msg) => {
            eprintln!("jejak: {msg}\n\n{}", cli::USAGE);
            std::process::exit(2);
        }
    };
    let Some((path, chosen)) = cli::library_path(library) else {
        eprintln!(
            "jejak: cannot find the user data folder; pass --library PATH or set {}",
            jejak_store::LIBRARY_ENV_VAR
        );
        std::process::exit(1);
    };
    // A Jejak that has this library open already takes the file (a double-click while it runs).
    let socket = handover::socket_for(&path);
    let knock = Knock { open: open.clone() };
    if socket.is_some_and(|socket| handover::knock(&socket, &knock)) {
        match &open {
            Some(file) => println!("jejak: {} went to the Jejak already open", file.display()),
            None => println!("jejak: the Jejak already open was brought to the front"),
        }
        return;
    }
    if !has_display() {
        // GTK would panic without a display; say what is wrong instead.
        eprintln!("jejak: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Jejak is a desktop app: run it in a graphical session, or under Xvfb (xvfb-run jejak).");
        std::process::exit(1);
    }
    let os_locale = Locale::from_tag(&sys_locale::get_locale().unwrap_or_default());
    let (knocks, knocked) = std::sync::mpsc::channel();
    let state = AppState::open(path, chosen, os_locale, knocks);
    let syncer = syncer::Syncer::new();
    let app = match builder(state)
        .manage(state::FileToOpen::new(open))
        .manage(std::sync::Arc::clone(&syncer))
        .build(tauri::generate_context!())
    {
        Ok(app) => app,
        Err(e) => {
            eprintln!("jejak: the window could not be started: {e}");
            std::process::exit(1);
        }
    };
    close_on_signals(app.handle().clone());
    answer_knocks(app.handle().clone(), knocked);
    syncer.start(app.handle().clone());
    // However the app ends normally, the library is closed: one whole file, no log beside it.
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            close(handle);
        }
    });
}

/// The way out: shared maps' last edits go to their folders, then the library is closed.
fn close(handle: &tauri::AppHandle) {
    handle
        .state::<std::sync::Arc<syncer::Syncer>>()
        .flush(handle);
    handle.state::<AppState>().close();
}

/// The event saying a second launch handed over a file (queued in [`state::FileToOpen`]); the UI
/// takes it with `take_file_to_open` and brings it in as a dropped file.
const OPEN_FILE: &str = "jejak://open-file";

/// Brings the window to the front for each second launch, and hands the UI its file.
fn answer_knocks(handle: tauri::AppHandle, knocked: Receiver<Knock>) {
    std::thread::spawn(move || {
        for knock in knocked {
            if let Some(window) = handle.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            if let Some(file) = knock.open {
                handle.state::<state::FileToOpen>().push(file);
                let _ = handle.emit(OPEN_FILE, ());
            }
        }
    });
}

/// SIGTERM, SIGINT and SIGHUP (logout, `kill`, Ctrl+C in a terminal) close the library first,
/// then end the app as a window close would.
#[cfg(unix)]
fn close_on_signals(handle: tauri::AppHandle) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("jejak: cannot watch for quit signals: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            close(&handle);
            handle.exit(0);
        }
    });
}

#[cfg(not(unix))]
fn close_on_signals(_handle: tauri::AppHandle) {}
