//! WebAssembly bindings of the cookie jar (`jwtlens-cookie`) and the
//! sessions-vs-JWT simulation (`jwtlens-flows`): the npm subpaths
//! `jwtlens/cookies` and `jwtlens/flows`, kept out of the JWT module so that
//! verifying a token does not load a public suffix list.
//!
//! Each export takes and returns strings; `js/sandbox.js` in jwtlens-wasm
//! turns them into plain objects and `JwtlensError`s.

// A faster allocator than Rust's default for wasm (dlmalloc); single-threaded wasm only.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use wasm_bindgen::prelude::wasm_bindgen;

/// A request as JavaScript describes it: the core reads it (`Request`'s
/// `Deserialize`: `{ url, method?, fromScript?, site?, topLevel?, frames?, destination? }`).
fn request_from_json(text: &str) -> Result<jwtlens_cookie::Request, String> {
    serde_json::from_str(text).map_err(|e| {
        let e = e.to_string();
        // A URL's error names its field ("url: ...", "frames[1]: ..."): make it "request.url: ...".
        let located = ["url:", "site:", "frames["].iter().any(|f| e.starts_with(f));
        if located {
            format!("request.{e}")
        } else {
            format!("request: {e}")
        }
    })
}

/// The jar's `now`, checked like every other (seconds, not milliseconds).
fn jar_now(now: f64) -> Result<jwtlens_cookie::UnixTime, String> {
    // Cookie dates are whole seconds: the fraction is dropped.
    jwtlens::time::NumericDate::now(now)
        .map(|d| jwtlens_cookie::UnixTime::from_secs(d.seconds() as i64))
        .map_err(|e| format!("options.now {e}"))
}

/// A cookie jar (RFC 6265bis) kept in wasm memory.
#[wasm_bindgen]
#[derive(Default)]
pub struct CookieJarHandle {
    jar: jwtlens_cookie::CookieJar,
}

#[wasm_bindgen]
impl CookieJarHandle {
    /// An empty jar; `third_party` is "blocked" (the default, as Chromium) or "allowed".
    #[wasm_bindgen(constructor)]
    pub fn new(third_party: Option<String>) -> Result<CookieJarHandle, String> {
        let setting: jwtlens_cookie::ThirdPartyCookies = match third_party.as_deref() {
            None => jwtlens_cookie::ThirdPartyCookies::default(),
            Some(word) => word.parse().map_err(|e| format!("options.thirdPartyCookies: {e}"))?,
        };
        Ok(CookieJarHandle { jar: jwtlens_cookie::CookieJar::with_third_party_cookies(setting) })
    }

    /// Store a Set-Cookie line received for `request` (JSON); the Outcome as JSON text.
    #[wasm_bindgen(js_name = setCookieJson)]
    pub fn set_cookie_json(&mut self, line: &str, request: &str, now: f64) -> Result<String, String> {
        let req = request_from_json(request)?;
        let now = jar_now(now)?;
        Ok(serde_json::to_string(&self.jar.set(line, &req, now)).unwrap_or_default())
    }

    /// Each cookie's verdict for `request` (JSON), as JSON text.
    #[wasm_bindgen(js_name = cookiesForJson)]
    pub fn cookies_for_json(&self, request: &str, now: f64) -> Result<String, String> {
        let req = request_from_json(request)?;
        let now = jar_now(now)?;
        Ok(serde_json::to_string(&self.jar.cookies_for(&req, now)).unwrap_or_default())
    }

    /// The Cookie header (or document.cookie string) for `request`, empty when none.
    #[wasm_bindgen(js_name = cookieHeader)]
    pub fn cookie_header(&self, request: &str, now: f64) -> Result<String, String> {
        let req = request_from_json(request)?;
        let now = jar_now(now)?;
        Ok(self.jar.cookie_header(&req, now).unwrap_or_default())
    }

    /// Every stored cookie as JSON text.
    #[wasm_bindgen(js_name = cookiesJson)]
    pub fn cookies_json(&self) -> String {
        serde_json::to_string(self.jar.cookies()).unwrap_or_default()
    }
}

fn flow_config(text: &str) -> Result<jwtlens_flows::Config, String> {
    if text.is_empty() {
        return Ok(jwtlens_flows::Config::default());
    }
    serde_json::from_str(text).map_err(|e| format!("options: {e}"))
}

fn flow_steps(text: &str) -> Result<Vec<jwtlens_flows::Step>, String> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| format!("steps: {e}"))?;
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| serde_json::from_value(v).map_err(|e| format!("steps[{i}]: {e}")))
        .collect()
}

/// `simulate(options, steps)`: the whole run (each step's events and outcome,
/// the final state, the numbers) as JSON text.
#[wasm_bindgen(js_name = simulateJson)]
pub fn simulate_json(config: &str, steps: &str) -> Result<String, String> {
    let run = jwtlens_flows::simulate(flow_config(config)?, &flow_steps(steps)?);
    serde_json::to_string(&run).map_err(|e| e.to_string())
}

/// `compareStrategies(options)`: the comparison table, measured, as JSON text.
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(config: &str) -> Result<String, String> {
    serde_json::to_string(&jwtlens_flows::compare(&flow_config(config)?)).map_err(|e| e.to_string())
}

/// A simulation kept in wasm memory, stepped one step at a time.
#[wasm_bindgen]
pub struct SimulationHandle {
    sim: jwtlens_flows::Simulation,
}

#[wasm_bindgen]
impl SimulationHandle {
    /// A fresh simulation; `config` is JSON text (empty for the defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(config: &str) -> Result<SimulationHandle, String> {
        Ok(SimulationHandle { sim: jwtlens_flows::Simulation::new(flow_config(config)?) })
    }

    /// Run one step (JSON text); its result as JSON text.
    #[wasm_bindgen(js_name = stepJson)]
    pub fn step_json(&mut self, step: &str) -> Result<String, String> {
        let step: jwtlens_flows::Step = serde_json::from_str(step).map_err(|e| format!("step: {e}"))?;
        serde_json::to_string(&self.sim.step(&step)).map_err(|e| e.to_string())
    }

    /// Everything visible now, as JSON text.
    #[wasm_bindgen(js_name = snapshotJson)]
    pub fn snapshot_json(&self) -> String {
        serde_json::to_string(&self.sim.snapshot()).unwrap_or_default()
    }
}

/// The version of the core.
#[wasm_bindgen]
pub fn version() -> String {
    String::from(env!("CARGO_PKG_VERSION"))
}
