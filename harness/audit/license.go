package audit

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// License values that are not SPDX ids.
const (
	LicenseNone    = "none"    // no licence file and no licence statement
	LicenseUnknown = "unknown" // a licence file whose text is not recognised
)

// licenseRule recognises one licence by phrases that only its text carries.
// Phrases are matched against normalizeLicense output, so they are written
// in lower case with punctuation other than . - + turned into spaces.
type licenseRule struct {
	id  string
	all []string // every phrase must occur; the first one's position ranks the match
	not []string // none may occur
}

// strongRules match the operative text of a licence, which survives an
// edited title or copyright line.
var strongRules = []licenseRule{
	{id: "MIT", all: []string{"permission is hereby granted free of charge to any person obtaining a copy"}},
	{id: "Apache-2.0", all: []string{"apache license", "version 2.0"}},
	{id: "Apache-2.0", all: []string{"licensed under the apache license version 2.0"}},
	{id: "BSD-4-Clause", all: []string{"are permitted provided that the following conditions are met", "advertising materials"}},
	{id: "BSD-3-Clause", all: []string{"are permitted provided that the following conditions are met", "endorse or promote products"}, not: []string{"advertising materials"}},
	{id: "BSD-2-Clause", all: []string{"are permitted provided that the following conditions are met"}, not: []string{"endorse or promote products", "advertising materials"}},
	{id: "ISC", all: []string{"distribute this software for any purpose with or without fee is hereby granted", "provided that the above copyright notice and this permission notice appear in all copies"}},
	{id: "0BSD", all: []string{"distribute this software for any purpose with or without fee is hereby granted"}, not: []string{"provided that the above copyright notice"}},
	{id: "Unlicense", all: []string{"this is free and unencumbered software released into the public domain"}},
	{id: "CC0-1.0", all: []string{"cc0 1.0"}},
	{id: "CC0-1.0", all: []string{"creative commons zero"}},
	{id: "MPL-2.0", all: []string{"mozilla public license", "2.0"}},
	{id: "BSL-1.0", all: []string{"boost software license", "version 1.0"}},
	{id: "EPL-2.0", all: []string{"eclipse public license", "2.0"}},
	{id: "Zlib", all: []string{"permission is granted to anyone to use this software for any purpose including commercial applications"}},
	{id: "WTFPL", all: []string{"do what the fuck you want to public license"}},
}

// weakRules match a licence's name only. They decide when no operative
// text was recognised, as in a LICENSE file that says just "MIT License"
// and a copyright line.
var weakRules = []licenseRule{
	{id: "MIT", all: []string{"mit license"}},
	{id: "MIT", all: []string{"mit licence"}},
	{id: "MIT", all: []string{"license mit"}},
	{id: "MIT", all: []string{"licensed under mit"}},
	{id: "Apache-2.0", all: []string{"apache-2.0"}},
	{id: "Apache-2.0", all: []string{"apache 2.0"}},
	{id: "Apache-2.0", all: []string{"apache license 2.0"}},
	{id: "Apache-2.0", all: []string{"apache license v2"}},
	{id: "BSD-3-Clause", all: []string{"bsd-3-clause"}},
	{id: "BSD-3-Clause", all: []string{"bsd 3-clause"}},
	{id: "BSD-3-Clause", all: []string{"3-clause bsd"}},
	{id: "BSD-2-Clause", all: []string{"bsd-2-clause"}},
	{id: "BSD-2-Clause", all: []string{"bsd 2-clause"}},
	{id: "BSD-2-Clause", all: []string{"2-clause bsd"}},
	{id: "GPL-3.0", all: []string{"gplv3"}},
	{id: "GPL-3.0", all: []string{"gpl-3.0"}},
	{id: "GPL-3.0", all: []string{"gpl v3"}},
	{id: "GPL-2.0", all: []string{"gplv2"}},
	{id: "GPL-2.0", all: []string{"gpl-2.0"}},
	{id: "LGPL-3.0", all: []string{"lgpl-3.0"}},
	{id: "LGPL-3.0", all: []string{"lgplv3"}},
	{id: "LGPL-2.1", all: []string{"lgpl-2.1"}},
	{id: "AGPL-3.0", all: []string{"agpl-3.0"}},
	{id: "AGPL-3.0", all: []string{"agplv3"}},
	{id: "MPL-2.0", all: []string{"mpl-2.0"}},
	{id: "Unlicense", all: []string{"the unlicense"}},
	{id: "ISC", all: []string{"isc license"}},
}

var (
	// ccRe matches Creative Commons licences by their legal-code title
	// ("Attribution-NonCommercial 4.0 International") or short name
	// ("CC BY-NC-SA 4.0").
	ccTitleRe = regexp.MustCompile(`attribution((?:-noncommercial)?(?:-sharealike|-noderivatives|-noderivs)?) (\d\.\d) international`)
	ccShortRe = regexp.MustCompile(`\bcc[ -]by((?:-nc)?(?:-sa|-nd)?)[ -](\d\.\d)`)
	// gnuRe finds the GNU licence titles; the earliest decides, because
	// each GNU licence names the others in its body.
	gnuRe        = regexp.MustCompile(`gnu (affero|lesser|library)? ?general public license`)
	gnuVersionRe = regexp.MustCompile(`version (\d(?:\.\d)?)`)
	spdxRe       = regexp.MustCompile(`(?i)spdx-license-identifier:\s*([A-Za-z0-9.+-]+)`)
)

// ccSuffix maps the parts of a Creative Commons title to an SPDX suffix.
var ccSuffix = map[string]string{
	"": "", "-noncommercial": "-NC", "-sharealike": "-SA", "-noderivatives": "-ND", "-noderivs": "-ND",
	"-noncommercial-sharealike": "-NC-SA", "-noncommercial-noderivatives": "-NC-ND", "-noncommercial-noderivs": "-NC-ND",
	"-nc": "-NC", "-sa": "-SA", "-nd": "-ND", "-nc-sa": "-NC-SA", "-nc-nd": "-NC-ND",
}

// normalizeLicense lowers text and turns every run of characters other
// than letters, digits and . - + into one space, so phrases match across
// line breaks, comment markers, quotes and markdown.
func normalizeLicense(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := true
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case r == '.' || r == '-' || r == '+':
			b.WriteRune(r)
			space = false
		case r == '\u2013' || r == '\u2014':
			b.WriteRune('-')
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// DetectLicense returns the SPDX id of a licence text, or LicenseUnknown.
// It recognises licences by their operative phrases rather than by their
// title or copyright line, which authors often edit, and when several
// licences are named it picks the one named first (a GPL text mentions
// the AGPL, an MIT file may mention a dependency's licence further down).
func DetectLicense(text string) string {
	if m := spdxRe.FindStringSubmatch(text); m != nil {
		if id := canonicalSPDX(m[1]); id != "" {
			return id
		}
	}
	n := normalizeLicense(text)
	id, _ := matchLicense(n, true)
	if id == "" {
		id, _ = matchLicense(n, false)
	}
	if id == "" {
		return LicenseUnknown
	}
	// A permissive text with a non-commercial clause added is a different,
	// custom licence.
	if !strings.Contains(id, "-NC") && (strings.Contains(n, "non-commercial") || strings.Contains(n, "noncommercial") || strings.Contains(n, "non commercial")) {
		return LicenseUnknown
	}
	return id
}

// matchLicense returns the licence named earliest in normalised text n,
// using the strong rules (operative text) or the weak ones (names), and
// where in n it was found.
func matchLicense(n string, strong bool) (string, int) {
	best, bestAt := "", len(n)+1
	consider := func(id string, at int) {
		if at >= 0 && at < bestAt {
			best, bestAt = id, at
		}
	}
	rules := weakRules
	if strong {
		rules = strongRules
	}
	for _, r := range rules {
		consider(r.id, ruleAt(n, r))
	}
	if strong {
		if m := gnuRe.FindStringSubmatchIndex(n); m != nil {
			consider(gnuID(n, m), m[0])
		}
		if m := ccTitleRe.FindStringSubmatchIndex(n); m != nil {
			consider(ccID(n[m[2]:m[3]], n[m[4]:m[5]]), m[0])
		}
	}
	if m := ccShortRe.FindStringSubmatchIndex(n); m != nil {
		consider(ccID(n[m[2]:m[3]], n[m[4]:m[5]]), m[0])
	}
	if best == "" {
		return "", -1
	}
	return best, bestAt
}

// ruleAt returns where rule r's first phrase occurs in n, or -1 when the
// rule does not match.
func ruleAt(n string, r licenseRule) int {
	at := -1
	for i, p := range r.all {
		j := indexWord(n, p)
		if j < 0 {
			return -1
		}
		if i == 0 {
			at = j
		}
	}
	for _, p := range r.not {
		if strings.Contains(n, p) {
			return -1
		}
	}
	return at
}

// indexWord returns where p first occurs in n as whole words (not inside
// "mitigation" or "permitted"), or -1.
func indexWord(n, p string) int {
	for off := 0; off <= len(n); {
		j := strings.Index(n[off:], p)
		if j < 0 {
			return -1
		}
		j += off
		end := j + len(p)
		if (j == 0 || !isAlnum(n[j-1])) && (end == len(n) || !isAlnum(n[end])) {
			return j
		}
		off = j + 1
	}
	return -1
}

func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) || c >= 0x80 }

// gnuID names the GNU licence whose title match m starts in n.
func gnuID(n string, m []int) string {
	kind := ""
	if m[2] >= 0 {
		kind = n[m[2]:m[3]]
	}
	rest := n[m[1]:]
	if len(rest) > 400 {
		rest = rest[:400]
	}
	version := ""
	if v := gnuVersionRe.FindStringSubmatch(rest); v != nil {
		version = v[1]
	}
	switch kind {
	case "affero":
		return "AGPL-3.0"
	case "lesser":
		if strings.HasPrefix(version, "2") {
			return "LGPL-2.1"
		}
		return "LGPL-3.0"
	case "library":
		if version == "2.1" {
			return "LGPL-2.1"
		}
		return "LGPL-2.0"
	}
	switch {
	case strings.HasPrefix(version, "2"):
		return "GPL-2.0"
	case strings.HasPrefix(version, "1"):
		return "GPL-1.0"
	}
	return "GPL-3.0"
}

// ccID builds a Creative Commons SPDX id from a title's parts.
func ccID(parts, version string) string {
	suffix, ok := ccSuffix[parts]
	if !ok {
		return ""
	}
	return "CC-BY" + suffix + "-" + version
}

// canonicalSPDX maps an SPDX-License-Identifier value to the id the audit
// reports (the "-only"/"-or-later" GNU forms fold into the short id), or ""
// when it is not one the audit knows.
func canonicalSPDX(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "-only"), "-or-later")
	s = strings.TrimSuffix(s, "+")
	known := []string{"MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-4-Clause", "GPL-2.0", "GPL-3.0",
		"LGPL-2.0", "LGPL-2.1", "LGPL-3.0", "AGPL-3.0", "MPL-2.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0",
		"CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-4.0", "CC0-1.0", "Unlicense", "ISC", "0BSD", "BSL-1.0",
		"EPL-2.0", "Zlib", "WTFPL"}
	for _, k := range known {
		if strings.EqualFold(s, k) {
			return k
		}
	}
	return ""
}

// licenseMention returns the licence a line of prose names ("released
// under the MIT License", a License-MIT badge, "Apache 2.0"), or "".
func licenseMention(line string) string {
	n := normalizeLicense(line)
	id, _ := matchLicense(n, true)
	if id == "" {
		id, _ = matchLicense(n, false)
	}
	if id == "" {
		// Badges write License-MIT-green, License-Apache_2.0-blue.
		id, _ = matchLicense(strings.NewReplacer("-", " ", "_", " ").Replace(n), false)
	}
	if id == "" {
		if m := gnuRe.FindStringSubmatchIndex(n); m != nil {
			id = gnuID(n, m)
		}
	}
	return id
}

// isLicenseFile reports whether a file name is a licence file's:
// LICENSE, LICENCE, COPYING, with or without an extension or suffix
// (LICENSE.md, LICENSE-MIT, COPYING.txt).
func isLicenseFile(name string) bool {
	l := strings.ToLower(name)
	for _, p := range []string{"license", "licence", "copying", "unlicense"} {
		if l == p || strings.HasPrefix(l, p+".") || strings.HasPrefix(l, p+"-") || strings.HasPrefix(l, p+"_") {
			return true
		}
	}
	return false
}

// licenseStatementRe is README prose that declares the licence.
var licenseStatementRe = regexp.MustCompile(`(?i)licen[cs]ed under|released under|distributed under|available under|under the [\w .-]*licen[cs]e|badge/licen[cs]e|/licen[cs]e/`)

// licenseStatement returns the first README line that declares a licence
// (in a License section, or "released under the MIT License", or a
// licence badge) and the licence it names; -1 and "" when none does.
func (d *doc) licenseStatement() (int, string) {
	for i, l := range d.lines {
		if l.code || l.table || l.heading != "" {
			continue
		}
		if !containsFold(l.text, []string{"licen", "gpl", "mit", "apache", "bsd", "cc", "mozilla"}) {
			continue
		}
		if !licenseHeadingRe.MatchString(d.sectionOf(i)) && !licenseStatementRe.MatchString(l.text) {
			continue
		}
		if id := licenseMention(l.text); id != "" {
			return i, id
		}
	}
	return -1, ""
}

var licenseHeadingRe = regexp.MustCompile(`(?i)^\W*licen[cs]e\W*$|^\W*licen[cs]ing\W*$`)

// license recognises the licence from the top-level licence files ("none"
// when there is no licence file); it warns when the README names a
// different licence than the file, or names one without any file.
func (t *tree) license(r *Report, rd *doc) {
	var files []string
	for _, f := range t.files {
		if !strings.Contains(f.path, "/") && isLicenseFile(f.path) {
			files = append(files, f.path)
		}
	}
	// LICENSE before LICENSE.md before LICENSE-MIT: the plainest name is
	// the one GitHub shows.
	sort.SliceStable(files, func(i, j int) bool { return len(files[i]) < len(files[j]) })
	var ids []string
	for _, p := range files {
		b, _ := t.read(r, p, maxLicense)
		if b == nil {
			continue
		}
		id := DetectLicense(string(b))
		if r.LicenseFile == "" {
			r.LicenseFile = p
		}
		if id == LicenseUnknown {
			continue
		}
		if len(ids) == 0 {
			r.LicenseFile = p
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	line, stated := -1, ""
	if rd != nil {
		line, stated = rd.licenseStatement()
	}
	switch {
	case len(ids) > 0:
		r.License = strings.Join(ids, " OR ")
		if stated != "" && !slices.Contains(ids, stated) {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s says %s but %s is %s", rd.at(line), stated, r.LicenseFile, r.License))
		}
	case r.LicenseFile != "":
		r.License = LicenseUnknown
		if stated != "" {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s says %s but %s is not a licence the audit recognises", rd.at(line), stated, r.LicenseFile))
		}
	case stated != "":
		// The licence is what a licence file grants: a README sentence
		// alone is reported, not taken as the licence.
		r.License = LicenseNone
		r.Warnings = append(r.Warnings, fmt.Sprintf("no licence file, but %s states %s: add the licence text to make it the licence", rd.at(line), stated))
	default:
		r.License = LicenseNone
	}
}
