//! `simulate` and `compare`: the sessions-vs-JWT story, in the core's simulation.

use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct FlowArgs {
    /// How the browser proves who it is (compare ignores it: every strategy is a column).
    #[arg(long, default_value = "session", value_parser = strategy_words())]
    pub(crate) strategy: String,
    /// SameSite of the auth cookies ("unset" leaves the attribute out).
    #[arg(long, default_value = "lax", value_parser = same_site_words())]
    pub(crate) same_site: String,
    /// Leave HttpOnly off the auth cookies.
    #[arg(long)]
    pub(crate) no_http_only: bool,
    /// Leave Secure off the auth cookies.
    #[arg(long)]
    pub(crate) no_secure: bool,
    /// Keep sessions in one store shared by every server.
    #[arg(long)]
    pub(crate) shared_store: bool,
    /// Servers keep a deny-list of logged-out tokens and revoked users.
    #[arg(long)]
    pub(crate) deny_list: bool,
    /// After a key rotation, keep accepting the previous key.
    #[arg(long)]
    pub(crate) keep_previous_key: bool,
    /// The browser allows third-party cookies (a fresh Chromium profile blocks them).
    #[arg(long)]
    pub(crate) allow_third_party_cookies: bool,
    /// Servers behind the load balancer (1-8).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=8))]
    pub(crate) servers: u8,
    /// Seed of every random value (session IDs, token IDs, keys).
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Print JSON (the run, or the table) instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(clap::Args)]
pub(crate) struct SimulateArgs {
    #[command(flatten)]
    pub(crate) flow: FlowArgs,
    /// Steps: login[:k] request[:k] logout revoke advance:SECONDS restart[:k] rotate-key xss
    /// csrf-get csrf-post csrf-fetch ad-frame hijack replay.
    #[arg(required = true, value_parser = parse_step)]
    pub(crate) steps: Vec<jwtlens_flows::Step>,
}

pub(crate) fn parse_step(s: &str) -> Result<jwtlens_flows::Step, String> {
    s.parse().map_err(|e: jwtlens_flows::StepError| e.to_string())
}

/// The strategies' words, from the core (the CLI keeps no list of its own).
pub(crate) fn strategy_words() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(jwtlens_flows::Strategy::ALL.map(jwtlens_flows::Strategy::word))
}

/// SameSite's values, from the core, and "unset".
pub(crate) fn same_site_words() -> clap::builder::PossibleValuesParser {
    let words = jwtlens_cookie::SameSite::ALL.map(|v| v.word().to_ascii_lowercase());
    clap::builder::PossibleValuesParser::new(words.into_iter().chain([String::from("unset")]))
}

impl FlowArgs {
    fn config(&self) -> jwtlens_flows::Config {
        use jwtlens_cookie::SameSite;
        use jwtlens_flows::Strategy;
        jwtlens_flows::Config {
            // clap has checked both against the core's words.
            strategy: self.strategy.parse().unwrap_or(Strategy::Session),
            same_site: self.same_site.parse::<SameSite>().ok(),
            http_only: !self.no_http_only,
            secure: !self.no_secure,
            shared_store: self.shared_store,
            deny_list: self.deny_list,
            keep_previous_key: self.keep_previous_key,
            servers: usize::from(self.servers),
            seed: self.seed,
            third_party_cookies: if self.allow_third_party_cookies {
                jwtlens_cookie::ThirdPartyCookies::Allowed
            } else {
                jwtlens_cookie::ThirdPartyCookies::Blocked
            },
            ..jwtlens_flows::Config::default()
        }
    }
}

pub(crate) fn simulate(args: SimulateArgs) -> ExitCode {
    let run = jwtlens_flows::simulate(args.flow.config(), &args.steps);
    if args.flow.json {
        println!("{}", crate::to_json(&run, true));
        return ExitCode::SUCCESS;
    }
    let mut out = String::new();
    for (i, step) in run.steps.iter().enumerate() {
        let clock = jwtlens::time::iso_utc(step.at.secs() as f64).unwrap_or_default();
        out.push_str(&format!("{}. {} [{}]\n", i + 1, step.title, clock));
        for e in &step.events {
            out.push_str(&format!("   {:<18} {}\n", e.actor, e.text));
        }
        out.push_str(&format!("   => {}\n\n", step.outcome));
    }
    let m = run.metrics;
    out.push_str(&format!(
        "Server state: {} bytes. Last request: {} credential bytes, {} store lookup(s).\n",
        run.snapshot.server_state_bytes, m.credential_bytes, m.lookups
    ));
    print!("{out}");
    ExitCode::SUCCESS
}

pub(crate) fn compare(args: FlowArgs) -> ExitCode {
    let table = jwtlens_flows::compare(&args.config());
    if args.json {
        println!("{}", crate::to_json(&table, true));
    } else {
        print!("{}", table.to_markdown());
    }
    ExitCode::SUCCESS
}
