// A per-token call's text, written into the wasm's memory with one
// TextEncoder.encodeInto instead of wasm-bindgen's copy (a JavaScript loop over
// the UTF-16 units: 0.49 µs for a 243-character token in Node 20, encodeInto
// 0.095 µs). The core checks the bytes as UTF-8 (jwtlens-wasm-key's input.rs).
// Not part of the public API.

const encoder = new TextEncoder();
// By wasm-bindgen glue module: its wasm's memory, asked for once.
const memories = new WeakMap();

/**
 * Write `text` where `glue`'s wasm reads its next input; returns its length in
 * bytes, the argument of the `...Input` export called next (before any other
 * call into that wasm, which may move the room). Throws a sentence (which
 * callCore makes a JwtlensError) when the wasm cannot make room for it.
 * @param {object} glue a wasm-bindgen glue module with inputBuffer and inputMemory
 * @param {string} text
 * @returns {number}
 */
export function writeInput(glue, text) {
  // Room for a byte per UTF-16 unit first (a token is ASCII), as wasm-bindgen
  // allocates; text that needs more (UTF-8 takes at most three bytes per unit)
  // is written again into room for that. Never a prefix: a token cut short
  // could verify where the whole one would not.
  const written = write(glue, text, text.length);
  return written >= 0 ? written : write(glue, text, text.length * 3, true);
}

// The bytes written, or -1 when not all of `text` fitted.
function write(glue, text, room, last = false) {
  // wasm32 addresses 4 GiB; a larger number would wrap on its way in.
  const at = room <= 0xffffffff ? glue.inputBuffer(room) : 0;
  if (at === 0) throw `The input is ${text.length} characters: the wasm could not make room for ${room} bytes of it.`;
  let memory = memories.get(glue);
  if (memory === undefined) {
    memory = glue.inputMemory();
    memories.set(glue, memory);
  }
  // After inputBuffer: a grown memory has a new buffer.
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  if (read === text.length) return written;
  if (last) throw `jwtlens: ${read} of ${text.length} characters fitted in room for their UTF-8 (a bug)`;
  return -1;
}
