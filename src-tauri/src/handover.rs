//! One window per library. The Jejak that has a library open listens on a local socket named
//! after it; a second launch for the same library (a double-click on a `.jejak` file while Jejak
//! runs, or `jejak FILE` in a terminal) hands its file over and ends, instead of opening a second
//! window that could only say the library is in use. The socket lives in the user's own runtime
//! folder beside the library's lock, so only this user can knock.
//!
//! Not tauri-plugin-single-instance: that makes one instance per *app* over D-Bus, while Jejak
//! runs one instance per *library* (`--library` opens another one beside it), and end-to-end tests
//! under Xvfb have no session bus.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a second launch asks of the running Jejak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Knock {
    /// A file to bring maps in from, or none: just come to the front.
    pub open: Option<PathBuf>,
}

/// The longest knock read; a path is far shorter.
const MAX_KNOCK: u64 = 64 * 1024;

#[cfg(unix)]
mod unix {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::sync::Arc;
    use std::thread::JoinHandle;
    use std::time::{Duration, Instant};

    use super::{Knock, MAX_KNOCK};

    /// How long a knock may take; a running Jejak answers at once.
    const PATIENCE: Duration = Duration::from_secs(3);

    /// Hands `knock` to the Jejak listening at `socket`. False when none answers (none runs, or
    /// it is stuck): the caller then opens the library itself, and is told if it is in use.
    pub fn knock(socket: &Path, knock: &Knock) -> bool {
        let Ok(mut stream) = UnixStream::connect(socket) else {
            return false;
        };
        let Ok(mut line) = serde_json::to_string(knock) else {
            return false;
        };
        line.push('\n');
        let sent = stream.set_read_timeout(Some(PATIENCE)).is_ok()
            && stream.set_write_timeout(Some(PATIENCE)).is_ok()
            && stream.write_all(line.as_bytes()).is_ok();
        let mut answer = String::new();
        sent && BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
    }

    /// The listening side, open while this Jejak has the library open.
    pub struct Door {
        socket: PathBuf,
        closing: Arc<AtomicBool>,
        thread: Option<JoinHandle<()>>,
    }

    impl Door {
        /// Listens at `socket`, sending each knock to `knocks`. Call only while holding the
        /// library's lock: a socket file left there is then a crashed Jejak's and is replaced.
        pub fn open(socket: &Path, knocks: Sender<Knock>) -> Option<Door> {
            if let Some(folder) = socket.parent() {
                std::fs::create_dir_all(folder).ok()?;
            }
            let _ = std::fs::remove_file(socket);
            let listener = match UnixListener::bind(socket) {
                Ok(l) => l,
                Err(e) => {
                    // Not fatal: a second launch then says the library is in use, as before.
                    eprintln!("jejak: cannot listen for files opened from elsewhere: {e}");
                    return None;
                }
            };
            let closing = Arc::new(AtomicBool::new(false));
            let stop = Arc::clone(&closing);
            let thread = std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::Acquire) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        answer(stream, &knocks);
                    }
                }
            });
            Some(Door {
                socket: socket.to_path_buf(),
                closing,
                thread: Some(thread),
            })
        }
    }

    fn answer(mut stream: UnixStream, knocks: &Sender<Knock>) {
        let Some(knock) = read_knock(&mut stream) else {
            return;
        };
        if knocks.send(knock).is_ok() {
            let _ = stream.write_all(b"ok\n");
        }
    }

    /// One line of JSON, read within [`PATIENCE`] in all (a caller that trickles bytes does not
    /// hold the door, or a quit, for longer).
    fn read_knock(stream: &mut UnixStream) -> Option<Knock> {
        let deadline = Instant::now() + PATIENCE;
        let mut line = Vec::new();
        let mut chunk = [0u8; 1024];
        while !line.contains(&b'\n') {
            let left = deadline.checked_duration_since(Instant::now())?;
            stream
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))
                .ok()?;
            let n = stream.read(&mut chunk).ok()?;
            if n == 0 {
                break;
            }
            line.extend_from_slice(&chunk[..n]);
            if line.len() as u64 > MAX_KNOCK {
                return None;
            }
        }
        let first = line.split(|b| *b == b'\n').next()?;
        serde_json::from_slice(first).ok()
    }

    impl Drop for Door {
        fn drop(&mut self) {
            self.closing.store(true, Ordering::Release);
            // Wakes the listening thread so it sees it is closing. If the socket file was
            // removed under us (a cleaner of temporary files), nothing can wake it: it is left
            // waiting on a socket nobody can reach rather than holding up the quit.
            let woken = UnixStream::connect(&self.socket).is_ok();
            if let Some(thread) = self.thread.take().filter(|_| woken) {
                let _ = thread.join();
            }
            let _ = std::fs::remove_file(&self.socket);
        }
    }
}

#[cfg(unix)]
pub use unix::{knock, Door};

/// Elsewhere a second launch opens on its own, and is told the library is in use.
#[cfg(not(unix))]
pub fn knock(_socket: &Path, _knock: &Knock) -> bool {
    false
}

#[cfg(not(unix))]
pub struct Door;

#[cfg(not(unix))]
impl Door {
    pub fn open(_socket: &Path, _knocks: std::sync::mpsc::Sender<Knock>) -> Option<Door> {
        None
    }
}

/// The socket for `library`, unless its path is too long for one (about 100 bytes on Unix).
pub fn socket_for(library: &Path) -> Option<PathBuf> {
    let socket = jejak_store::handover_socket_path(library);
    (socket.as_os_str().len() < 100).then_some(socket)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_knock_reaches_the_open_door_and_none_after_it_closed() {
        let dir = std::env::temp_dir().join(format!("jejak-handover-{}", std::process::id()));
        let socket = dir.join("door.sock");
        let (tx, rx) = std::sync::mpsc::channel();
        let door = Door::open(&socket, tx).expect("the door opens");
        let file = Knock {
            open: Some(PathBuf::from("/home/rina/peta ü.jejak")),
        };
        assert!(knock(&socket, &file));
        assert_eq!(rx.recv().ok(), Some(file));
        assert!(knock(&socket, &Knock { open: None }));
        assert_eq!(rx.recv().ok(), Some(Knock { open: None }));
        drop(door);
        assert!(!socket.exists(), "the socket file is removed on close");
        assert!(!knock(&socket, &Knock { open: None }));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_socket_left_by_a_crash_is_replaced_and_garbage_is_ignored() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("jejak-handover-stale-{}", std::process::id()));
        let socket = dir.join("door.sock");
        std::fs::create_dir_all(&dir).unwrap();
        // A socket nobody listens on any more.
        drop(std::os::unix::net::UnixListener::bind(&socket).unwrap());
        assert!(socket.exists());
        assert!(!knock(&socket, &Knock { open: None }));
        let (tx, rx) = std::sync::mpsc::channel();
        let door = Door::open(&socket, tx).expect("the stale socket is replaced");
        let mut stranger = std::os::unix::net::UnixStream::connect(&socket).unwrap();
        stranger.write_all(b"{not json\n").unwrap();
        drop(stranger);
        assert!(knock(&socket, &Knock { open: None }));
        assert_eq!(
            rx.recv().ok(),
            Some(Knock { open: None }),
            "only the real knock"
        );
        // Its file removed under it, the door still closes.
        std::fs::remove_file(&socket).unwrap();
        drop(door);
        let _ = std::fs::remove_dir_all(dir);
    }
}
