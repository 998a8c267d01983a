#!/usr/bin/python3
"""Closes a window the way a window manager does when the user clicks its close button: it sends
the window a WM_DELETE_WINDOW message (ICCCM). Usage: close-window.py TITLE"""
import sys

from Xlib import X, display, protocol


def windows(d, root):
    for w in root.query_tree().children:
        yield w
        yield from windows(d, w)


def main(title):
    d = display.Display()
    root = d.screen().root
    delete = d.intern_atom("WM_DELETE_WINDOW")
    protocols = d.intern_atom("WM_PROTOCOLS")
    for w in windows(d, root):
        try:
            name = w.get_wm_name()
            supported = w.get_wm_protocols() or []
        except Exception:
            continue
        if name == title and delete in supported:
            event = protocol.event.ClientMessage(
                window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
            )
            w.send_event(event, event_mask=X.NoEventMask)
            d.flush()
            return 0
    print(f"no window titled {title!r} accepts WM_DELETE_WINDOW", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Jejak"))
