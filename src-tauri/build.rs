// Commands listed here get `allow-<command>` permissions; capabilities/ grants exactly these.
const COMMANDS: &[&str] = &[
    "startup",
    "take_file_to_open",
    "set_locale",
    "map_zoom",
    "set_map_zoom",
    "map_view",
    "set_map_view",
    "list_maps",
    "list_trash",
    "create_map",
    "duplicate_map",
    "trash_map",
    "restore_map",
    "purge_map",
    "list_backups",
    "restore_backup",
    "open_library_file",
    "create_library_file",
    "export_map_file",
    "copy_map_table",
    "choose_map_file",
    "read_map_file",
    "import_maps",
    "list_snapshots",
    "take_snapshot",
    "snapshot_doc",
    "restore_snapshot",
    "delete_snapshot",
    "export_snapshot_file",
    "open_map",
    "apply_ops",
    "undo",
    "redo",
    "csv_preview",
    "import_metrics",
    "cards_csv_preview",
    "check_cards_csv",
    "import_cards_csv",
    "export_options",
    "export_preview",
    "choose_export_path",
    "export_pdf",
    "close_window",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e:#}"));
}
