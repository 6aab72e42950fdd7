package importer

import (
	"strconv"
	"strings"
)

// maxID is the longest id a spec accepts.
const maxID = 64

// idStop are the words an id leaves out.
var idStop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "for": true, "and": true, "or": true, "in": true,
	"on": true, "with": true, "via": true, "to": true, "by": true, "from": true, "at": true, "as": true,
	"is": true, "are": true, "be": true, "your": true, "our": true, "its": true, "their": true,
	"into": true, "over": true, "under": true, "towards": true, "toward": true, "through": true,
	"using": true, "based": true, "without": true, "when": true, "what": true, "how": true, "why": true,
	"do": true, "does": true, "can": true, "all": true, "there": true, "not": true, "too": true,
	"much": true, "very": true, "than": true, "that": true, "this": true, "these": true, "we": true,
	"you": true, "it": true, "beyond": true, "across": true, "between": true, "about": true,
}

// accents folds the accented Latin letters that titles use.
var accents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "ù", "u",
	"ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "ł", "l", "ś", "s",
	"š", "s", "ž", "z", "ź", "z", "ż", "z", "č", "c", "ć", "c", "ř", "r", "ě", "e",
	"ő", "o", "ű", "u", "ğ", "g", "ı", "i", "ș", "s", "ț", "t",
)

// ID returns a short, readable id for a paper, unique in taken: the method
// name before a colon ("SpQR: A Sparse…" is "spqr", "LLMLingua-2: …" is
// "llmlingua-2"), else two to four significant title words ("Deep Interest
// Network for Click-Through Rate Prediction" is "deep-interest-network"),
// with "-2", "-3", … added while the id is taken. The id matches
// [a-z0-9][a-z0-9-]{0,63}; a title without letters or digits gives
// "paper". ID does not modify taken.
func ID(title string, taken map[string]bool) string {
	base := baseID(title)
	if base == "" {
		base = "paper"
	}
	id := base
	for n := 2; taken[id]; n++ {
		suffix := "-" + strconv.Itoa(n)
		id = cut(base, maxID-len(suffix)) + suffix
	}
	return id
}

func baseID(title string) string {
	t := accents.Replace(strings.ToLower(title))
	if k := strings.IndexByte(t, ':'); k > 0 {
		prefix := idWords(t[:k])
		for len(prefix) > 0 && (prefix[0] == "the" || prefix[0] == "a" || prefix[0] == "an") {
			prefix = prefix[1:]
		}
		if len(prefix) >= 1 && len(prefix) <= 3 {
			if id := cut(slug(strings.Join(prefix, "-")), 40); id != "" {
				return id
			}
		}
		if len(prefix) > 3 {
			t = t[:k]
		}
	}
	ws := idWords(t)
	var run []string
	i := 0
	for i < len(ws) && idStop[ws[i]] {
		i++
	}
	for ; i < len(ws) && !idStop[ws[i]]; i++ {
		run = append(run, ws[i])
	}
	switch {
	case len(run) > 4:
		run = run[:3]
	case len(run) == 1:
		for ; i < len(ws) && len(run) < 3; i++ {
			if !idStop[ws[i]] {
				run = append(run, ws[i])
			}
		}
	}
	id := slug(strings.Join(run, "-"))
	for len(id) > 40 && len(run) > 2 {
		run = run[:len(run)-1]
		id = slug(strings.Join(run, "-"))
	}
	return cut(id, 40)
}

// idWords splits a lower-case title into words, keeping the characters
// that belong inside a word (hyphens, "+", "^").
func idWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '+' || r == '^' || r == '\'' || r == '’' || r == '.' || r >= 0x80)
	})
}

// slug keeps [a-z0-9], spells "+" as "plus", drops joiners ("^", "'", ".")
// and turns the rest into single hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	put := func(w string) {
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(w)
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			put(string(r))
		case r == '+':
			dash = true
			put("plus")
			dash = true
		case r == '^' || r == '\'' || r == '’' || r == '.':
		default:
			dash = true
		}
	}
	return b.String()
}

// cut shortens an id to at most n bytes, at a hyphen where it can.
func cut(id string, n int) string {
	if len(id) <= n {
		return id
	}
	id = id[:n]
	if k := strings.LastIndexByte(id, '-'); k > n/2 {
		id = id[:k]
	}
	return strings.Trim(id, "-")
}
