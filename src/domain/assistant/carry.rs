//! Sources that units take from their neighbours: quotations over several sentences and
//! paragraphs, block quotes and bullets after "X said:", first-person testimony, a short
//! sentence after a tagged one, a sentence whose source the next one names.

use super::kinds::is_list_item;
use super::tokens::Word;

/// Per unit: (source, vague, carried, own attribution found).
pub(super) type Found = (Option<String>, bool, bool, bool);

/// Quotation depth at each unit's start and end, over the whole text (quotations may run over
/// several sentences and lines of a paragraph; a blank line closes them all).
pub(super) fn quote_depths(chars: &[char], spans: &[(usize, usize)]) -> Vec<Depth> {
    let mut depth_at = vec![0u32; chars.len() + 1];
    let mut depth = 0u32;
    let mut straight_open = false;
    // (British single marks, as `sentences::quoted` reads them.)
    let mut single_open = false;
    let mut newlines = 0;
    for (i, &c) in chars.iter().enumerate() {
        depth_at[i] = depth;
        match c {
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    depth = 0;
                    straight_open = false;
                    single_open = false;
                }
                continue;
            }
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            // (Not inside another quotation: "“‘Glasgow’ is a song …”" names a song.)
            '‘' if depth == 0 && super::sentences::single_opens(chars, i) => {
                depth += 1;
                single_open = true;
            }
            '’' if single_open && super::sentences::single_closes(chars, i) => {
                depth = depth.saturating_sub(1);
                single_open = false;
            }
            '"' => {
                if straight_open {
                    depth = depth.saturating_sub(1);
                } else {
                    depth += 1;
                }
                straight_open = !straight_open;
            }
            _ => {}
        }
        if !c.is_whitespace() {
            newlines = 0;
        }
    }
    depth_at[chars.len()] = depth;
    let quote = |c: char| matches!(c, '“' | '”' | '"' | '‘' | '’');
    spans
        .iter()
        .map(|&(s, e)| Depth {
            start: depth_at[s],
            end: depth_at[e],
            all_quoted: (s..e)
                .filter(|&k| !chars[k].is_whitespace() && !quote(chars[k]))
                .all(|k| depth_at[k] > 0),
        })
        .collect()
}

/// Quotation depth around a unit.
#[derive(Clone, Copy)]
pub(super) struct Depth {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Every word of the unit is inside a quotation (what it says is the speaker's).
    pub(super) all_quoted: bool,
}

pub(super) fn first_person(ws: &[Word], inside: &[bool]) -> bool {
    ws.iter().any(|w| {
        !inside.get(w.at).copied().unwrap_or(false)
            && matches!(
                w.lower(),
                "i" | "i've" | "i'm" | "we" | "we're" | "we've" | "my" | "our" | "us"
            )
            // "the US embassy" is a country.
            && w.core() != "US"
    })
}

/// Sources that units take from their neighbours: quotations whose tag is in another sentence,
/// block quotes and lists after a sourced lead-in ending with a colon, paragraphs in the first
/// person after a speaker's paragraph, a short sentence after a tagged one, and a sentence
/// whose source the next one names ("The study determined this …").
pub(super) fn carry(
    found: &mut [Found],
    para: &[usize],
    depths: &[Depth],
    units: &[Vec<Word>],
    insides: &[Vec<bool>],
    texts: &[&str],
) {
    let n = found.len();
    // Quotations over several units: every unit of the quotation gets the source of the unit
    // that tags it (the one where it opens or closes with a tag of its own).
    let mut i = 0;
    while i < n {
        if depths[i].end > depths[i].start || (depths[i].start > 0 && i == 0) {
            // A quotation opens here and runs on: find where it closes (it must close within
            // its paragraph, else it is a stray quotation mark, unless the next paragraph
            // opens with a quotation mark: a quotation over paragraphs leaves each paragraph
            // open and opens the next).
            let mut j = i;
            while j + 1 < n && depths[j].end > 0 && para[j + 1] == para[i] {
                j += 1;
            }
            let runs_on = texts
                .get(j + 1)
                .is_some_and(|t| para[j + 1] == para[j] + 1 && t.starts_with(['“', '"', '‘']));
            // (The last paragraph of a quotation over paragraphs whose closing mark was lost,
            // say to an embedded post after it, is no stray mark: the one before ran on into it.)
            let ran_on_into = i > 0
                && para[i - 1] + 1 == para[i]
                && depths[i - 1].end > 0
                && texts[i].trim_start().starts_with(['“', '"', '‘']);
            if depths[j].end > depths[i].start && !runs_on && !ran_on_into {
                i += 1;
                continue;
            }
            // Attributions inside the quotation are the speaker's words, not the article's.
            let tagged = (i..=j)
                .rev()
                .find(|&k| found[k].3 && found[k].0.is_some() && !depths[k].all_quoted)
                .or_else(|| (i..=j).find(|&k| found[k].0.is_some() && !depths[k].all_quoted));
            let s = match tagged {
                Some(t) => found[t].0.clone(),
                // "“…,” the statement continued. “…”": the quotation goes on after the tag.
                None if i > 0 && para[i - 1] == para[i] && found[i - 1].3 => found[i - 1].0.clone(),
                // A quotation that is a paragraph of its own, untagged, after a paragraph whose
                // speaker is known (by a tag, a lead-in or an earlier quotation): theirs.
                None if i > 0
                    && para[i - 1] + 1 == para[i]
                    && texts[i].trim_start().starts_with(['“', '"', '‘'])
                    && found[i - 1].0.is_some() =>
                {
                    found[i - 1].0.clone()
                }
                None => None,
            };
            if s.is_some() {
                for k in i..=j {
                    if !found[k].3 || depths[k].all_quoted && Some(k) != tagged {
                        found[k] = (s.clone(), false, true, false);
                    }
                }
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    for i in 1..n {
        let prev = i - 1;
        let first = units[i].first().map_or("", |w| w.lower());
        let second = units[i].get(1).map_or("", |w| w.lower());
        // "In this video, …", "In the tweet, …": the source of the unit before.
        if found[i].0.is_none()
            && first == "in"
            && matches!(second, "this" | "the")
            && units[i].get(2).is_some_and(|w| {
                matches!(
                    w.lower(),
                    "video" | "tweet" | "post" | "clip" | "footage" | "statement" | "interview"
                )
            })
        {
            if let Some(s) = found[prev].0.clone() {
                found[i] = (Some(s), false, false, true);
                continue;
            }
        }
        // "…,” others said", "the crowds cheered": unnamed voices of a named source's account.
        let others = units[i]
            .iter()
            .any(|w| matches!(w.lower(), "others" | "crowds" | "crowd"));
        if found[i].3 && found[i].0.is_none() && others && found[prev].0.is_some() {
            found[i] = (found[prev].0.clone(), false, true, true);
            continue;
        }
        if found[i].3 || found[i].0.is_some() {
            continue;
        }
        let t = &texts[i];
        let whole_quote = t.starts_with(['“', '"', '‘'])
            && insides[i].iter().filter(|&&q| q).count() + 3 >= t.chars().count();
        let prev_source = found[prev].0.clone();
        // A quotation with no tag after a sourced unit: its speaker goes on. After a line of
        // the article's own ("This “trick” was …"), the last quotation's speaker does.
        // ("“…,” Steenburgen said. “So I called …,” a detail that …": a quotation that opens
        // the sentence after a tagged one in its paragraph goes on with that speaker.)
        let goes_on = para[i] == para[prev] && found[prev].3 && t.starts_with(['“', '"', '‘']);
        if (whole_quote || goes_on) && para[i] <= para[prev] + 1 && prev_source.is_some() {
            found[i] = (prev_source, false, true, false);
            continue;
        }
        let last_quote = (i.saturating_sub(3)..i).rev().find(|&k| {
            para[k] + 2 >= para[i]
                && found[k].0.is_some()
                && texts[k].contains(['“', '"', '‘'])
                && (k + 1..i).all(|m| found[m].0.is_none())
        });
        if let Some(k) = last_quote.filter(|_| whole_quote) {
            found[i] = (found[k].0.clone(), false, true, false);
            continue;
        }
        // After "X said:" (or a sourced unit ending with a colon): the next paragraph, and the
        // list lines that follow it.
        let lead = (0..i)
            .rev()
            .take_while(|&k| para[k] + 12 >= para[i])
            .find(|&k| texts[k].trim_end().ends_with(':'));
        if let Some(k) = lead {
            // The paragraph after the lead-in; the list lines after it; or the bullets, one
            // sentence a paragraph, that run on from it.
            let one_each =
                |m: usize| (m == 0 || para[m - 1] != para[m]) && para.get(m + 1) != Some(&para[m]);
            let bullets = (k + 1..=i).all(one_each) && para[i] - para[k] == i - k;
            let block = para[i] == para[k] + 1
                || (is_list_item(t) && (k + 1..i).all(|m| is_list_item(texts[m])))
                || bullets;
            if block && found[k].0.is_some() {
                found[i] = (found[k].0.clone(), false, true, false);
                continue;
            }
        }
        // A paragraph in the first person after a speaker's paragraph: their testimony.
        if para[i] == para[prev] + 1
            && first_person(&units[i], &insides[i])
            && !units[i].iter().any(|w| w.is("said") || w.is("says"))
        {
            let speaker = found[prev]
                .0
                .clone()
                .filter(|s| s.contains(' ') || found[prev].3);
            if let Some(s) = speaker {
                found[i] = (Some(s), false, true, false);
                continue;
            }
        }
        // Within a first-person testimony, the next sentences go on.
        if para[i] == para[prev] && found[prev].2 && first_person(&units[prev], &insides[prev]) {
            found[i] = (found[prev].0.clone(), false, true, false);
            continue;
        }
        // A short sentence after a tagged one in the same paragraph: "They take time to
        // cultivate." after "…, he said …".
        let tag_at_end = found[prev].3
            && units[prev]
                .iter()
                .rev()
                .take(12)
                .any(|w| w.is("said") || w.is("says"));
        if para[i] == para[prev]
            && tag_at_end
            && units[i].len() <= 8
            && units[i].first().is_some_and(|w| {
                matches!(
                    w.lower(),
                    "they" | "it" | "he" | "she" | "we" | "that" | "this"
                )
            })
        {
            found[i] = (found[prev].0.clone(), false, true, false);
            continue;
        }
    }
    block_quotes(found, para, units, insides);
    // Forward: "It ranked near the bottom … The study determined this by …".
    for i in 0..n.saturating_sub(1) {
        if found[i].0.is_some() || found[i].3 || para[i + 1] != para[i] {
            continue;
        }
        let next = &units[i + 1];
        let back_ref = next
            .iter()
            .take(6)
            .any(|w| matches!(w.lower(), "this" | "that" | "these"))
            && next.first().is_some_and(|w| w.is("the"))
            && found[i + 1].0.is_some();
        if back_ref {
            found[i] = (found[i + 1].0.clone(), false, true, false);
        }
    }
}

/// A block quote whose markup went with the page: paragraphs in the first person ("allows us to
/// craft", "These were the fixes that I recommended") with no attribution of their own, after
/// a paragraph whose speaker is named, and the paragraphs between two of them (at most three
/// apart, none tagged), are that speaker's.
fn block_quotes(found: &mut [Found], para: &[usize], units: &[Vec<Word>], insides: &[Vec<bool>]) {
    // Each paragraph's units.
    let mut paras: Vec<std::ops::Range<usize>> = Vec::new();
    for i in 0..found.len() {
        match paras.last_mut() {
            Some(p) if para[i] == para[p.start] => p.end = i + 1,
            _ => paras.push(i..i + 1),
        }
    }
    let untagged = |p: &std::ops::Range<usize>, found: &[Found]| p.clone().all(|k| !found[k].3);
    let speaks = |k: usize| {
        first_person(&units[k], &insides[k])
            && !units[k].iter().any(|w| w.is("said") || w.is("says"))
    };
    let first =
        |p: &std::ops::Range<usize>, found: &[Found]| untagged(p, found) && p.clone().any(speaks);
    let mut p = 1;
    while p < paras.len() {
        if !first(&paras[p], found) {
            p += 1;
            continue;
        }
        // The speaker: the last one the paragraph before names, a person's full name or a
        // source of that unit's own attribution.
        let speaker = (paras[p - 1].clone())
            .rev()
            .find(|&k| found[k].0.is_some())
            .filter(|&k| found[k].3 || found[k].0.as_ref().is_some_and(|s| s.contains(' ')))
            .and_then(|k| found[k].0.clone());
        let Some(s) = speaker else {
            p += 1;
            continue;
        };
        let mut last = p;
        let mut q = p + 1;
        while q < paras.len() && q <= last + 3 && untagged(&paras[q], found) {
            if first(&paras[q], found) {
                last = q;
            }
            q += 1;
        }
        // One of them in the first person singular: a "we" alone is as often the outlet's
        // own voice ("We know they were …", "we used data published …").
        let singular = (paras[p].start..paras[last].end).any(|k| {
            (units[k].iter()).any(|w| {
                matches!(w.lower(), "i" | "i've" | "i'm" | "my" | "me")
                    && !insides[k].get(w.at).copied().unwrap_or(false)
            })
        });
        // (One paragraph alone is the rule above's: the first person right after the speaker.)
        if !singular || last == p {
            p += 1;
            continue;
        }
        for f in &mut found[paras[p].start..paras[last].end] {
            if !f.3 {
                *f = (Some(s.clone()), false, true, false);
            }
        }
        p = last + 1;
    }
}
