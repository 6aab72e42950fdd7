package spec

import "github.com/repro-harness/repro/harness/claim"

// Numeric converts c to the form claim.Judge needs, applying the unit's
// default tolerance when the spec gives none. Beats claims only get an
// explicit tolerance: "outperforms" means strictly better.
func (c Claim) Numeric() (claim.Claim, error) {
	n := claim.Claim{
		Bound:  claim.Bound(c.Bound),
		Value:  c.Value,
		Min:    c.Min,
		Max:    c.Max,
		Unit:   c.Unit,
		Better: c.Better,
	}
	switch {
	case c.Tolerance != "":
		t, err := claim.ParseTolerance(c.Tolerance, c.Unit)
		if err != nil {
			return n, err
		}
		n.Tolerance = t
	case n.Bound != claim.Beats:
		n.Tolerance = claim.Units[c.Unit]
	}
	return n, nil
}
