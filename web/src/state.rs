//! The page's state: one reducer, one list of user intents.

use std::rc::Rc;

use yew::Reducible;

/// Everything the page knows. The report is derived from it, never stored.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The text in the token box, exactly as typed or pasted.
    pub input: String,
    /// The current time in NumericDate seconds, read by the page (the core reads no clock).
    pub now: f64,
}

/// Every intent the user (or the clock) can have.
pub enum Action {
    /// The token box changed.
    SetInput(String),
    /// Load the example token.
    LoadExample,
    /// Empty the token box.
    Clear,
    /// The clock moved on.
    Tick(f64),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetInput(s) => next.input = s,
            Action::LoadExample => next.input = jwtlens::examples::EXAMPLE_TOKEN.to_owned(),
            Action::Clear => next.input.clear(),
            Action::Tick(now) => next.now = now,
        }
        Rc::new(next)
    }
}

/// The current time from the browser's clock, in seconds.
pub fn browser_now() -> f64 {
    js_sys::Date::now() / 1000.0
}
