//! One file per component, each with its `Props`.

mod cookie_lab;
mod copy_button;
mod diagnostics;
mod encoder;
mod findings;
mod jwe;
mod key_panel;
mod part_panel;
mod policy;
mod sandbox;
mod sd_jwt;
mod share;
mod signature_panel;
mod time_panel;
mod token_input;
mod token_view;
mod verdict;

pub use cookie_lab::CookieLab;
pub use copy_button::CopyButton;
pub use diagnostics::Diagnostics;
pub use encoder::Encoder;
pub use findings::FindingsPanel;
pub use jwe::{JweEncrypt, JwePanel, Props as JweProps};
pub use key_panel::KeyPanel;
pub use part_panel::PartPanel;
pub use policy::{ChecksPanel, PolicyPanel};
pub use sandbox::Sandbox;
pub use sd_jwt::{Props as SdJwtProps, SdJwtPanel};
pub use share::{take_shared_token, IncomingShare, ShareButton};
pub use signature_panel::SignaturePanel;
pub use time_panel::TimePanel;
pub use token_input::TokenInput;
pub use token_view::TokenView;
pub use verdict::VerdictBanner;
