//! One module per subcommand: its arguments (clap) and what it runs.

pub(crate) mod cookie;
pub(crate) mod decrypt;
pub(crate) mod encrypt;
pub(crate) mod flows;
pub(crate) mod inspect;
pub(crate) mod sdjwt;
pub(crate) mod sign;
