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
 * call into that wasm, which may move the room).
 * @param {object} glue a wasm-bindgen glue module with inputBuffer and inputMemory
 * @param {string} text
 * @returns {number}
 */
export function writeInput(glue, text) {
  // UTF-8 takes at most 3 bytes per UTF-16 unit (a pair's 4 bytes are 2 units).
  const room = text.length * 3;
  const at = glue.inputBuffer(room);
  let memory = memories.get(glue);
  if (memory === undefined) {
    memory = glue.inputMemory();
    memories.set(glue, memory);
  }
  // After inputBuffer: a grown memory has a new buffer.
  const { read, written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, at, room));
  // Never a prefix: a token cut short could verify where the whole one would not.
  if (read !== text.length) throw new Error(`jwtlens: ${read} of ${text.length} characters fitted in the wasm's input buffer`);
  return written;
}
