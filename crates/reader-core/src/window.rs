//! Where the window opens: where the reader left it, kept on a screen that is still there;
//! on first start, the default size fitted to the screen (a 1366×768 office laptop has less
//! room than the default 1100×820). Logical pixels throughout; the shell converts.

use serde::{Deserialize, Serialize};

/// A rectangle: a screen's work area (without panels), or the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn contains(&self, x: i32, y: i32) -> bool {
        let (right, bottom) = (
            i64::from(self.x) + i64::from(self.width),
            i64::from(self.y) + i64::from(self.height),
        );
        self.x <= x && i64::from(x) < right && self.y <= y && i64::from(y) < bottom
    }

    fn centre(&self) -> (i32, i32) {
        (
            (i64::from(self.x) + i64::from(self.width) / 2) as i32,
            (i64::from(self.y) + i64::from(self.height) / 2) as i32,
        )
    }
}

/// The window as the reader left it: its frame (kept as it was before maximizing), and
/// whether it was maximized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WindowState {
    pub frame: Rect,
    #[serde(default)]
    pub maximized: bool,
}

/// The size the window opens at when the screen has room.
pub const DEFAULT_SIZE: (u32, u32) = (1100, 820);
/// The smallest the window may be made.
pub const MIN_SIZE: (u32, u32) = (420, 360);

/// Where the window opens, given the `saved` state (if any) and the `screens`' work areas,
/// the primary one first. A saved window keeps its size and place if its centre is on a
/// screen, else it moves onto the primary one; either way it is made to fit that screen.
pub fn placement(saved: Option<WindowState>, screens: &[Rect]) -> WindowState {
    let default = |screen: &Rect| Rect {
        x: screen.x,
        y: screen.y,
        width: DEFAULT_SIZE.0,
        height: DEFAULT_SIZE.1,
    };
    let Some(primary) = screens.first() else {
        // No screen reported: nothing to fit to.
        return saved.unwrap_or(WindowState {
            frame: default(&Rect {
                x: 0,
                y: 0,
                width: 0,
                height: 0,
            }),
            maximized: false,
        });
    };
    match saved {
        Some(saved) => {
            let (x, y) = saved.frame.centre();
            let screen = screens.iter().find(|s| s.contains(x, y)).unwrap_or(primary);
            WindowState {
                frame: fit(saved.frame, screen),
                maximized: saved.maximized,
            }
        }
        None => WindowState {
            frame: centred(fit(default(primary), primary), primary),
            maximized: false,
        },
    }
}

/// The frame no larger than the screen (nor smaller than the minimum), moved inside it.
fn fit(frame: Rect, screen: &Rect) -> Rect {
    let width = frame.width.clamp(MIN_SIZE.0, screen.width.max(MIN_SIZE.0));
    let height = frame
        .height
        .clamp(MIN_SIZE.1, screen.height.max(MIN_SIZE.1));
    let inside = |at: i32, start: i32, room: u32, size: u32| -> i32 {
        let last = i64::from(start) + i64::from(room) - i64::from(size);
        i64::from(at).clamp(i64::from(start), last.max(i64::from(start))) as i32
    };
    Rect {
        x: inside(frame.x, screen.x, screen.width, width),
        y: inside(frame.y, screen.y, screen.height, height),
        width,
        height,
    }
}

fn centred(frame: Rect, screen: &Rect) -> Rect {
    Rect {
        x: screen.x + (screen.width.saturating_sub(frame.width) / 2) as i32,
        y: screen.y + (screen.height.saturating_sub(frame.height) / 2) as i32,
        ..frame
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Rect = Rect {
        x: 0,
        y: 0,
        width: 1366,
        height: 768,
    };
    const WIDE: Rect = Rect {
        x: 1366,
        y: 0,
        width: 1920,
        height: 1080,
    };

    fn on(frame: Rect, screen: &Rect) -> bool {
        frame.x >= screen.x
            && frame.y >= screen.y
            && i64::from(frame.x) + i64::from(frame.width)
                <= i64::from(screen.x) + i64::from(screen.width)
            && i64::from(frame.y) + i64::from(frame.height)
                <= i64::from(screen.y) + i64::from(screen.height)
    }

    #[test]
    fn first_start_fits_a_small_screen_and_centres_on_a_big_one() {
        let small = placement(None, &[LAPTOP]);
        assert_eq!(
            small.frame,
            Rect {
                x: 133,
                y: 0,
                width: 1100,
                height: 768
            }
        );
        let big = placement(None, &[WIDE, LAPTOP]);
        assert_eq!(
            big.frame,
            Rect {
                x: 1366 + 410,
                y: 130,
                width: 1100,
                height: 820
            }
        );
        assert!(!big.maximized);
    }

    #[test]
    fn a_saved_window_comes_back_as_it_was() {
        let saved = WindowState {
            frame: Rect {
                x: 40,
                y: 30,
                width: 900,
                height: 600,
            },
            maximized: true,
        };
        assert_eq!(placement(Some(saved), &[LAPTOP]), saved);
        // On the second screen, it stays there.
        let there = WindowState {
            frame: Rect {
                x: 1500,
                y: 100,
                width: 1200,
                height: 900,
            },
            maximized: false,
        };
        assert_eq!(placement(Some(there), &[LAPTOP, WIDE]), there);
    }

    /// A window left on a screen that is gone comes back onto the primary one, fitted.
    #[test]
    fn a_window_on_a_missing_screen_comes_back_onto_a_visible_one() {
        let there = WindowState {
            frame: Rect {
                x: 1500,
                y: 100,
                width: 1200,
                height: 900,
            },
            maximized: false,
        };
        let back = placement(Some(there), &[LAPTOP]);
        assert!(on(back.frame, &LAPTOP), "{back:?}");
        assert_eq!((back.frame.width, back.frame.height), (1200, 768));
        // Far off, negative, huge or tiny: always on the screen, at least the minimum size.
        for frame in [
            Rect {
                x: -50_000,
                y: -50_000,
                width: 10,
                height: 10,
            },
            Rect {
                x: i32::MAX,
                y: i32::MIN,
                width: u32::MAX,
                height: u32::MAX,
            },
            Rect {
                x: 1300,
                y: 700,
                width: 800,
                height: 600,
            },
        ] {
            let placed = placement(
                Some(WindowState {
                    frame,
                    maximized: false,
                }),
                &[LAPTOP],
            );
            assert!(on(placed.frame, &LAPTOP), "{frame:?} → {placed:?}");
            assert!(placed.frame.width >= MIN_SIZE.0 && placed.frame.height >= MIN_SIZE.1);
        }
    }

    #[test]
    fn no_screen_reported_keeps_what_was_saved() {
        assert_eq!(placement(None, &[]).frame.width, DEFAULT_SIZE.0);
    }
}
