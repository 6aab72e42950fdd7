package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/repro-harness/repro/harness/claim"
)

// JUnit writes the report as JUnit XML so CI systems show claims as tests:
// one <testsuite> per paper, one <testcase> per claim. A refuted claim is a
// <failure>, an error an <error>, a skipped or unverified claim <skipped>.
//
// The output follows the JUnit XML schema that Jenkins and most CI systems
// read (junit-10.xsd, vendored in testdata and checked by the tests): the
// <testsuites> totals carry tests, failures, errors and time (that schema
// has no skipped total there; each <testsuite> carries its own). Times
// are seconds with three decimals, as the schema's SUREFIRE_TIME pattern
// wants. A paper whose run failed before any claim was measured (failed,
// unreachable, invalid, interrupted) gets one extra <testcase> named
// "status" with an <error>, so the failure shows even without claims.
func JUnit(w io.Writer, r *Report) error {
	suites := junitSuites{Name: "repro"}
	var total float64
	for _, p := range r.Papers {
		s := junitSuite{
			Name: p.ID, Timestamp: p.Started, Time: seconds(p.Seconds),
			Properties: &junitProperties{Props: []junitProperty{{"status", p.Status}, {"title", p.Title}}},
		}
		if p.Repository != nil {
			s.Properties.Props = append(s.Properties.Props, junitProperty{"repository", p.Repository.URL}, junitProperty{"commit", p.Repository.Commit})
		}
		if p.Audit != nil {
			s.Properties.Props = append(s.Properties.Props, junitProperty{"checklist", p.Score()}, junitProperty{"license", p.License()})
		}
		if p.StepsNotRun != "" {
			s.Properties.Props = append(s.Properties.Props, junitProperty{"steps_not_run", p.StepsNotRun})
		}
		if note := p.NeverRunText(); note != "" {
			s.Properties.Props = append(s.Properties.Props, junitProperty{"never_run", note})
		}
		if note := p.MissingText(); note != "" {
			s.Properties.Props = append(s.Properties.Props, junitProperty{"incomplete_tree", note})
		}
		if broken(p.Status) {
			s.Cases = append(s.Cases, junitCase{
				Name: "status", Classname: "repro." + p.ID, Time: seconds(0),
				Error: &junitResult{Type: p.Status, Message: oneLine(p.Reason), Text: p.Reason},
			})
		}
		for _, c := range p.Claims {
			tc := junitCase{Name: c.ID, Classname: "repro." + p.ID, Time: seconds(0)}
			detail := claimDetail(c)
			kind := ""
			if k := c.EvidenceKind(); k != "" {
				kind = "[" + k + "] "
			}
			switch c.Verdict {
			case "refuted":
				tc.Failure = &junitResult{Type: "refuted", Message: kind + oneLine(c.Reason), Text: detail}
			case "error":
				tc.Error = &junitResult{Type: "error", Message: kind + oneLine(c.Reason), Text: detail}
			case "skipped", "unverified":
				msg := string(c.Verdict)
				if c.Reason != "" {
					msg += ": " + oneLine(c.Reason)
				}
				tc.Skipped = &junitResult{Message: msg}
			default:
				tc.SystemOut = detail
			}
			s.Cases = append(s.Cases, tc)
		}
		for _, tc := range s.Cases {
			s.Tests++
			switch {
			case tc.Failure != nil:
				s.Failures++
			case tc.Error != nil:
				s.Errors++
			case tc.Skipped != nil:
				s.Skipped++
			}
		}
		suites.Tests += s.Tests
		suites.Failures += s.Failures
		suites.Errors += s.Errors
		total += p.Seconds
		suites.Suites = append(suites.Suites, s)
	}
	suites.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(suites); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// broken says whether a status means the run stopped before measuring.
func broken(status string) bool {
	switch status {
	case "failed", "unreachable", "invalid", "interrupted":
		return true
	}
	return false
}

// claimDetail is the claimed-versus-measured line of a test case.
func claimDetail(c Claim) string {
	s := fmt.Sprintf("claimed %s, measured %s", c.Claimed, c.MeasuredText())
	if d := c.DeltaText(); d != "" {
		s += " (" + d + ")"
	}
	if k := c.EvidenceKind(); k != "" {
		s += "\nevidence: " + k
		if c.Source != "" {
			s += " (" + c.Source + ")"
		}
		if len(c.Values) > 1 {
			var vs []string
			for _, v := range c.Values {
				vs = append(vs, claim.WithUnit(v, c.Unit))
			}
			s += "\nvalues: " + strings.Join(vs, ", ")
		}
	}
	if c.Quote != "" {
		s += "\nquote: " + c.Quote
	}
	if c.Reason != "" {
		s += "\nreason: " + c.Reason
	}
	return s
}

func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// seconds formats a duration as the schema's SUREFIRE_TIME: digits, a
// point, three decimals; never negative or in exponent form.
func seconds(s float64) string {
	if s < 0 || s != s {
		s = 0
	}
	return fmt.Sprintf("%.3f", s)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Time       string           `xml:"time,attr"`
	Timestamp  string           `xml:"timestamp,attr,omitempty"`
	Properties *junitProperties `xml:"properties"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Props []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string       `xml:"name,attr"`
	Classname string       `xml:"classname,attr"`
	Time      string       `xml:"time,attr"`
	Skipped   *junitResult `xml:"skipped"`
	Error     *junitResult `xml:"error"`
	Failure   *junitResult `xml:"failure"`
	SystemOut string       `xml:"system-out,omitempty"`
}

type junitResult struct {
	Type    string `xml:"type,attr,omitempty"`
	Message string `xml:"message,attr,omitempty"`
	Text    string `xml:",chardata"`
}
