//! Whether the sync page's Content-Security-Policy lets it reach a server: a browser blocks a
//! request the policy forbids with no reason a page can read, the same as a server that is
//! down, so the page checks first and says what to change.

/// The origin of an address (`scheme://host[:port]`, lower case, without a default port).
fn origin(url: &str) -> String {
    let url = url.trim().to_ascii_lowercase();
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url.as_str()));
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match scheme {
        "https" => host.strip_suffix(":443").unwrap_or(host),
        "http" => host.strip_suffix(":80").unwrap_or(host),
        _ => host,
    };
    format!("{scheme}://{host}")
}

/// Whether one source of a `connect-src` list matches `target` (an origin), from a page at
/// `page` (an origin). Paths in sources are not compared: a source with one allows the origin.
fn matches(source: &str, page: &str, target: &str) -> bool {
    let source = source.to_ascii_lowercase();
    let scheme = |o: &str| o.split("://").next().unwrap_or("").to_owned();
    match source.as_str() {
        "'self'" => target == page,
        "*" => true,
        s if s.ends_with(':') && !s.contains('/') => scheme(target) == s.trim_end_matches(':'),
        s => {
            let wanted = origin(s);
            let wanted = match s.contains("://") {
                true => wanted,
                // A host alone: the page's scheme.
                false => format!("{}{}", scheme(page), wanted),
            };
            match wanted.split_once("://*.") {
                Some((sch, domain)) => {
                    scheme(target) == sch && target.ends_with(&format!(".{domain}"))
                }
                None => wanted == target,
            }
        }
    }
}

/// Checks that a page at `page_url` whose policy is `policy` (the content of its
/// Content-Security-Policy; empty when it has none) may connect to `server_url`; the message
/// says what the policy allows and how a deployment names its server.
pub fn policy_allows(policy: &str, page_url: &str, server_url: &str) -> Result<(), String> {
    let directive = |name: &str| {
        (policy.split(';').map(str::trim)).find_map(|d| {
            let mut words = d.split_whitespace();
            (words.next()?.eq_ignore_ascii_case(name)).then(|| words.collect::<Vec<&str>>())
        })
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else {
        return Ok(());
    };
    let (page, target) = (origin(page_url), origin(server_url));
    if sources.iter().any(|s| matches(s, &page, &target)) {
        return Ok(());
    }
    let allowed: Vec<String> = (sources.iter())
        .map(|s| match *s {
            "'self'" => format!("its own site ({page})"),
            s => s.to_owned(),
        })
        .collect();
    let allowed = match allowed.is_empty() || sources == ["'none'"] {
        true => "no server at all".to_owned(),
        false => allowed.join(" and "),
    };
    Err(format!(
        "This claimmark's security policy lets the sync page connect only to {allowed}, not to \
         {target}. Whoever deploys claimmark names the team's server when building it \
         (CLAIMMARK_SYNC_SERVERS) or serves CouchDB under the same site (README, \"Sharing a \
         library with a team\")."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://checks.example.org/claimmark/sync.html";

    #[test]
    fn the_page_own_site_and_the_named_servers_are_allowed() {
        let policy = "default-src 'none'; script-src 'self'; connect-src 'self' \
                      https://couch.example.org http://127.0.0.1:5984; form-action 'none'";
        for ok in [
            "https://checks.example.org/couch",
            "https://CHECKS.example.org:443",
            "https://couch.example.org",
            "https://couch.example.org:443/",
            "http://127.0.0.1:5984",
        ] {
            assert_eq!(policy_allows(policy, PAGE, ok), Ok(()), "{ok}");
        }
        for no in [
            "http://checks.example.org",
            "https://couch.example.org:6984",
            "https://other.example.org",
            "http://127.0.0.1:5985",
        ] {
            let why = policy_allows(policy, PAGE, no).unwrap_err();
            assert!(why.contains("its own site (https://checks.example.org) and https://couch.example.org and http://127.0.0.1:5984"), "{why}");
            assert!(why.contains("CLAIMMARK_SYNC_SERVERS"), "{why}");
        }
        let why = policy_allows(policy, PAGE, "https://other.example.org:8443/x").unwrap_err();
        assert!(
            why.contains("not to https://other.example.org:8443."),
            "{why}"
        );
    }

    #[test]
    fn wildcards_schemes_and_missing_directives() {
        let page = "http://127.0.0.1:8080/";
        assert_eq!(policy_allows("", page, "https://any.where"), Ok(()));
        assert_eq!(
            policy_allows("script-src 'self'", page, "https://x.org"),
            Ok(())
        );
        // No connect-src: default-src decides.
        assert!(policy_allows("default-src 'self'", page, "https://x.org").is_err());
        assert_eq!(
            policy_allows("connect-src *", page, "https://x.org"),
            Ok(())
        );
        assert_eq!(
            policy_allows("connect-src https:", page, "https://x.org"),
            Ok(())
        );
        assert!(policy_allows("connect-src https:", page, "http://x.org").is_err());
        let star = "connect-src 'self' https://*.example.org";
        assert_eq!(
            policy_allows(star, page, "https://couch.example.org"),
            Ok(())
        );
        assert!(policy_allows(star, page, "https://example.org").is_err());
        assert!(policy_allows(star, page, "https://badexample.org").is_err());
        // A host alone takes the page's scheme.
        assert_eq!(
            policy_allows("connect-src couch.lan:5984", page, "http://couch.lan:5984"),
            Ok(())
        );
        let none = policy_allows("connect-src 'none'", page, "http://127.0.0.1:8080").unwrap_err();
        assert!(none.contains("only to no server at all"), "{none}");
    }
}
