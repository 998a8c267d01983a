//! Closing the window without losing typed text: a close request is held while the UI sends what
//! is waiting, then the UI asks for the close (or the backend closes after a few seconds).

use std::time::Duration;

use tauri::{Emitter, Manager, Window, WindowEvent};

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// The event the UI answers by saving what is waiting and calling `close_window`.
const CLOSE_REQUESTED: &str = "jejak://close-requested";
/// A UI that does not answer (hung, or still loading) does not keep the window open.
const UI_ANSWER_WITHIN: Duration = Duration::from_secs(3);

/// Holds the user's close until the UI has saved what is waiting.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let api = match event {
        WindowEvent::CloseRequested { api, .. } => {
            // A file double-clicked from now on opens in a new window once this one is gone.
            window.state::<AppState>().close_door();
            api
        }
        WindowEvent::Destroyed => return window.state::<AppState>().close_door(),
        _ => return,
    };
    if window.state::<AppState>().close_confirmed() {
        return;
    }
    api.prevent_close();
    if window.emit(CLOSE_REQUESTED, ()).is_err() {
        let _ = window.destroy();
        return;
    }
    let window = window.clone();
    std::thread::spawn(move || {
        std::thread::sleep(UI_ANSWER_WITHIN);
        let _ = window.destroy();
    });
}

/// The UI has saved what was waiting: the window closes (and with it the app, which closes the
/// library).
#[tauri::command]
pub async fn close_window(window: Window, state: tauri::State<'_, AppState>) -> IpcResult<()> {
    state.confirm_close();
    window.destroy().map_err(IpcError::internal)
}
