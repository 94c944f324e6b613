//! A library that panics instead of returning an error (rust_xlsxwriter does on a failed write
//! to its temporary files, e.g. on a full disk) is run under [`catch`], which turns the panic
//! into an error message; [`install_hook`] keeps such caught panics off stderr.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    /// Whether this thread is inside [`catch`].
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`; a panic inside it is returned as its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = CATCHING.replace(true);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.set(outer);
    result.map_err(|payload| match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => payload.downcast::<&str>().map(|m| m.to_string()).unwrap_or_else(|_| "a panic".into()),
    })
}

/// Installs a panic hook that stays silent for the panics [`catch`] turns into errors and
/// reports every other panic as the default hook does.
pub fn install_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !CATCHING.get() {
            default(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_flag_is_restored() {
        assert_eq!(catch(|| 7), Ok(7));
        assert_eq!(catch(|| -> () { panic!("disk full: {}", 28) }), Err("disk full: 28".to_string()));
        assert_eq!(catch(|| -> () { panic!("static") }), Err("static".to_string()));
        assert!(!CATCHING.get());
    }
}
