package mirror

import (
	"reflect"
	"testing"
)

func parse(s string) (Rule, error) { return Parse(s, "mirror", "A=B") }

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Rule
		ok   bool
	}{
		{"https://github.com/=/srv/m", Rule{"https://github.com/", "/srv/m"}, true},
		{" a = b ", Rule{"a", "b"}, true},
		{"a=b=c", Rule{"a", "b=c"}, true},
		{"a=", Rule{}, false},
		{"=b", Rule{}, false},
		{"ab", Rule{}, false},
	} {
		got, err := parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if _, err := parse("ab"); err == nil || err.Error() != `mirror "ab": write FROM=TO, e.g. A=B` {
		t.Errorf("Parse(%q) error = %v", "ab", err)
	}
}

func TestParseList(t *testing.T) {
	got, err := ParseList("a=b, ,c=d,", parse)
	if want := []Rule{{"a", "b"}, {"c", "d"}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ParseList = %v, %v; want %v", got, err, want)
	}
	if _, err := ParseList("a=b,bad", parse); err == nil {
		t.Errorf("ParseList with a bad item = nil error; want one")
	}
}

func TestLongest(t *testing.T) {
	rules := []Rule{{"https://github.com/", "/m"}, {"https://github.com/org/", "/o"}, {"https://x/", "/x"}}
	for url, want := range map[string]string{
		"https://github.com/org/repo": "/o",
		"https://github.com/other/r":  "/m",
		"https://gitlab.com/a/b":      "",
	} {
		got := ""
		if r := Longest(url, rules); r != nil {
			got = r.To
		}
		if got != want {
			t.Errorf("Longest(%q) = %q; want %q", url, got, want)
		}
	}
}

func TestMerge(t *testing.T) {
	got := Merge([]Rule{{"a", "flag"}}, []Rule{{"a", "env"}, {"b", "env"}})
	if want := []Rule{{"a", "flag"}, {"b", "env"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %v; want %v", got, want)
	}
}
