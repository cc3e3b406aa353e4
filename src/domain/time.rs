//! Timestamps: milliseconds since the Unix epoch in the model, RFC 3339 / xsd:dateTime in files.

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// `2020-01-03T12:00:00Z` (whole seconds: the W3C examples' form). Instants outside the years
/// 0000–9999, which the format cannot write with four digits (a damaged stored value can hold
/// any number), are written as the nearest one it can.
pub fn to_rfc3339(ms: i64) -> String {
    let first = days_from_civil(0, 1, 1) * 86_400_000;
    let last = days_from_civil(10_000, 1, 1) * 86_400_000 - 1;
    let secs = ms.clamp(first, last).div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `20200103`, for file names.
pub fn compact_date(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(86_400_000));
    format!("{y:04}{m:02}{d:02}")
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Whether `y-m-d` is a real calendar date.
pub fn valid_date(y: i64, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let b = s.as_bytes();
    if s.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(&s[0..4])? as i64, num(&s[5..7])?, num(&s[8..10])?);
    valid_date(y, m, d).then_some((y, m, d))
}

/// Parses an xsd:dateTime with a time zone, as the W3C model requires (`Z` or `±hh:mm`;
/// fractional seconds allowed). Returns milliseconds since the epoch.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let (date, rest) = s.split_at_checked(10)?;
    let (y, m, d) = parse_date(date)?;
    let rest = rest.strip_prefix('T').or_else(|| rest.strip_prefix('t'))?;
    let (hms, mut zone) = rest.split_at_checked(8)?;
    let hb = hms.as_bytes();
    if hb[2] != b':' || hb[5] != b':' {
        return None;
    }
    let (h, mi, sec) = (num(&hms[0..2])?, num(&hms[3..5])?, num(&hms[6..8])?);
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut millis = 0i64;
    if let Some(frac) = zone.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<3}", &frac[..digits.min(3)]);
        millis = num(&padded)? as i64;
        zone = &frac[digits..];
    }
    let offset_min: i64 = match zone {
        "Z" | "z" => 0,
        _ => {
            let zb = zone.as_bytes();
            if zone.len() != 6 || zb[3] != b':' || !(zb[0] == b'+' || zb[0] == b'-') {
                return None;
            }
            let v = (num(&zone[1..3])? * 60 + num(&zone[4..6])?) as i64;
            if zb[0] == b'-' {
                -v
            } else {
                v
            }
        }
    };
    let secs =
        days_from_civil(y, m, d) * 86_400 + (h * 3600 + mi * 60 + sec) as i64 - offset_min * 60;
    Some(secs * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_beyond_four_digit_years_are_written_as_the_nearest_one() {
        assert_eq!(to_rfc3339(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(to_rfc3339(i64::MIN), "0000-01-01T00:00:00Z");
        let back = parse_rfc3339(&to_rfc3339(i64::MAX)).unwrap();
        assert_eq!(to_rfc3339(back), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(to_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(to_rfc3339(1_578_052_800_000), "2020-01-03T12:00:00Z");
        assert_eq!(to_rfc3339(951_782_400_999), "2000-02-29T00:00:00Z");
        assert_eq!(compact_date(1_578_052_800_000), "20200103");
    }

    #[test]
    fn parses_what_it_formats_and_other_zones() {
        for ms in [0, 1_578_052_800_000, 951_782_400_000, 4_102_444_799_000] {
            assert_eq!(parse_rfc3339(&to_rfc3339(ms)), Some(ms));
        }
        assert_eq!(
            parse_rfc3339("2020-01-03T13:30:00+01:30"),
            Some(1_578_052_800_000)
        );
        assert_eq!(
            parse_rfc3339("2020-01-03T12:00:00.25Z"),
            Some(1_578_052_800_250)
        );
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in [
            "",
            "2020-01-03",
            "2020-01-03T12:00:00",
            "2020-02-30T12:00:00Z",
            "2020-01-03 12:00:00Z",
            "2020-01-03T25:00:00Z",
            "2020-01-03T12:00:00.Z",
            "2020-01-03T12:00:00+0100",
            "２０20-01-03T12:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(parse_date("2020-01-03"), Some((2020, 1, 3)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2020-13-01"), None);
        assert_eq!(parse_date("20-01-2020"), None);
    }
}
