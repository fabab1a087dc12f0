//! The token text of a per-token call, written by JavaScript straight into wasm
//! memory with one `TextEncoder.encodeInto`.
//!
//! wasm-bindgen passes a `&str` argument by copying it one UTF-16 unit at a
//! time in a JavaScript loop (`passStringToWasm0`'s ASCII path): 0.49 µs for a
//! 243-character token in Node 20, where one `encodeInto` takes 0.095 µs
//! (measured 2026-11-28, the copy alone). On a compiled verifier's HS256 call
//! of ~5 µs that loop was a tenth of the time. The faces (`js/input.js`) ask
//! for room ([`input_buffer`]), encode into it, and call the export that reads
//! it ([`with_input`]); the bytes are checked as UTF-8 here, as a `&str`
//! argument's are not, so nothing is trusted from the other side.

use core::cell::RefCell;

use wasm_bindgen::prelude::{wasm_bindgen, JsValue};

std::thread_local! {
    // wasm32 without atomics has one thread: this is one buffer per module.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room kept between calls: a token longer than this (64 KiB, four times a
/// large one) gets room of its own for its call, given back after it.
const KEEP: usize = 64 * 1024;

/// Room for `len` bytes of input: the address where JavaScript writes them, valid
/// until the next call into this module (which may move it); 0 when the memory
/// cannot be had (JavaScript then throws, and the module stays usable: no
/// borrow is held across the allocation, whose failure would otherwise leave
/// every later call "already borrowed"). The room is initialized bytes (zeros
/// the first time), so reading what was written there needs no `unsafe`.
#[wasm_bindgen(js_name = inputBuffer)]
// `vec![0; len]` would abort when the memory cannot be had; `try_reserve_exact` says so.
#[allow(clippy::slow_vector_initialization)]
pub fn input_buffer(len: usize) -> usize {
    let mut buffer = INPUT.with(|cell| core::mem::take(&mut *cell.borrow_mut()));
    if buffer.len() < len {
        // The old room's bytes are not needed: freed first, so a larger room can reuse it.
        buffer = Vec::new();
        if buffer.try_reserve_exact(len).is_ok() {
            buffer.resize(len, 0);
        }
    }
    let at = if buffer.len() < len { 0 } else { buffer.as_mut_ptr() as usize };
    INPUT.with(|cell| *cell.borrow_mut() = buffer);
    at
}

/// This module's memory, where [`input_buffer`]'s addresses point.
#[wasm_bindgen(js_name = inputMemory)]
pub fn input_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Run `f` on the first `len` bytes JavaScript wrote at [`input_buffer`]'s
/// address, as text. The buffer is taken out for the call, so a call made from
/// within `f` (a platform callback that verifies again) gets a buffer of its own.
///
/// Errors when `len` exceeds the room asked for or the bytes are not UTF-8
/// (`encodeInto` writes only UTF-8, replacing lone surrogates with U+FFFD as a
/// `&str` argument's conversion does).
pub fn with_input<R>(len: usize, f: impl FnOnce(&str) -> R) -> Result<R, String> {
    let mut buffer = INPUT.with(|cell| core::mem::take(&mut *cell.borrow_mut()));
    let result = match buffer.get(..len) {
        None => Err(format!("the input is {len} bytes, but room was made for {}", buffer.len())),
        Some(bytes) => core::str::from_utf8(bytes)
            .map(f)
            .map_err(|e| format!("the input is not UTF-8 at byte {}", e.valid_up_to())),
    };
    if buffer.len() > KEEP {
        buffer = Vec::new();
    }
    INPUT.with(|cell| *cell.borrow_mut() = buffer);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_written_is_read_once_and_checked() {
        let at = input_buffer(8);
        assert_ne!(at, 0);
        INPUT.with(|cell| cell.borrow_mut()[..5].copy_from_slice(b"a.b.c"));
        assert_eq!(with_input(5, str::to_owned), Ok(String::from("a.b.c")));
        assert!(with_input(9, str::len).unwrap_err().contains("room was made for 8"));
        INPUT.with(|cell| cell.borrow_mut()[..2].copy_from_slice(&[0xff, b'a']));
        assert_eq!(with_input(2, str::len), Err(String::from("the input is not UTF-8 at byte 0")));
        // A call within a call has its own room; the outer one keeps its bytes.
        INPUT.with(|cell| cell.borrow_mut()[..3].copy_from_slice(b"out"));
        let inner = with_input(3, |outer| {
            input_buffer(2);
            INPUT.with(|cell| cell.borrow_mut()[..2].copy_from_slice(b"in"));
            (outer.to_owned(), with_input(2, str::to_owned))
        });
        assert_eq!(inner, Ok((String::from("out"), Ok(String::from("in")))));
        // A huge input's room is given back after its call.
        input_buffer(KEEP + 1);
        assert_eq!(with_input(0, str::len), Ok(0));
        INPUT.with(|cell| assert_eq!(cell.borrow().len(), 0));
        // Room that cannot be had is 0, and the buffer stays usable.
        assert_eq!(input_buffer(usize::MAX), 0);
        assert_ne!(input_buffer(4), 0);
        INPUT.with(|cell| cell.borrow_mut()[..4].copy_from_slice(b"next"));
        assert_eq!(with_input(4, str::to_owned), Ok(String::from("next")));
    }
}
